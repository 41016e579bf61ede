"""Hypothesis strategy shared by the RFM property tests: random per-customer RFM tables."""
import pandas as pd
from hypothesis import strategies as st


def rfm_tables(max_frequency: int, max_monetary: int, min_size: int, max_size: int):
    """Tables with ``recency_days``, ``frequency``, ``monetary`` indexed by ``customer_id`` c000, c001…"""
    return st.lists(
        st.tuples(st.integers(1, 400), st.integers(1, max_frequency), st.integers(1, max_monetary)),
        min_size=min_size, max_size=max_size,
    ).map(lambda rows: pd.DataFrame(
        {"recency_days": [r[0] for r in rows], "frequency": [r[1] for r in rows],
         "monetary": [float(r[2]) for r in rows]},
        index=pd.Index([f"c{i:03d}" for i in range(len(rows))], name="customer_id")))
