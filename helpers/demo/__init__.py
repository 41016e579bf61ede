"""The seeded generators of the demo company 悦家生活 (apart from the library; read the committed
tables with :func:`helpers.data.load_demo`).

    >>> from helpers.demo import generate_demo
    >>> len(generate_demo(seed=2024)["stores"])
    18
"""
from helpers.demo.company import END, START, generate_demo, write_demo

__all__ = ["generate_demo", "write_demo", "START", "END"]
