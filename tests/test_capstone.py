"""The capstone notebook analyses another dataset when only its parameters cell changes.

Papermill runs the Chinese edition on the bundled CDNOW master file (its headers customer_id, date,
dollar_value, number_of_cds are recognised by the loader) and writes the exports into a temporary
folder; the exported customer table must hold all 23,570 CDNOW customers.
"""
import nbformat
import pandas as pd
import pytest

from conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "zh" / "14_capstone.ipynb"
CDNOW = ROOT / "datasets" / "cdnow" / "cdnow_master.csv.gz"
CDNOW_CUSTOMERS = 23_570
EXPORTS = ("report.html", "report.xlsx", "customers.csv", "customers.parquet", "at_risk.csv", "win_back.csv")


def test_capstone_has_exactly_one_parameters_cell_naming_every_setting():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    for name in ("DATA_FILE", "COLUMNS", "AS_OF", "SCHEME", "OUTPUT_DIR"):
        assert f"{name} = " in tagged[0].source, name


@pytest.mark.slow
def test_capstone_runs_on_cdnow_by_changing_only_the_parameters(tmp_path):
    import papermill

    out = tmp_path / "exports"
    papermill.execute_notebook(
        str(NOTEBOOK), str(tmp_path / "capstone_cdnow.ipynb"), cwd=str(tmp_path), progress_bar=False,
        execution_timeout=120, parameters={"DATA_FILE": str(CDNOW), "OUTPUT_DIR": str(out), "AS_OF": "1998-07-01"})
    assert sorted(p.name for p in out.iterdir()) == sorted(EXPORTS)
    customers = pd.read_parquet(out / "customers.parquet")
    assert len(customers) == customers["customer_id"].nunique() == CDNOW_CUSTOMERS
    assert len(pd.read_csv(out / "customers.csv", encoding="utf-8-sig")) == CDNOW_CUSTOMERS
    executed = nbformat.read(tmp_path / "capstone_cdnow.ipynb", as_version=4)
    assert not [o for c in executed.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
