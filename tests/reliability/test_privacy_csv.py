"""A CSV export cannot run in a spreadsheet: formula-leading cells are quoted (OWASP), JSON stays exact, and CSV
import takes the quote off again, so export -> import gives back the same names and phones."""

import csv
import io
import json

from hypothesis import given
from hypothesis import strategies as st

from salescoach.core.spreadsheet import FORMULA_STARTS, neutralise, restore

FORMULAS = [
    '=HYPERLINK("http://evil.example","Kim")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=2+2",
    "＝1+1",
    "＋1",
    "－1",
    "＠SUM(A1)",
    "'=already quoted by the user",
]


def test_formula_leading_cells_are_quoted_and_plain_ones_are_not():
    for cell in FORMULAS:
        assert neutralise(cell) == "'" + cell
    for cell in ("Kim", "김민준", "", "'tis", "a=b", " =1", "010-1234-5678"):
        assert neutralise(cell) == cell


@given(st.text(alphabet=st.sampled_from(sorted(FORMULA_STARTS | {"'", "a", "가", " "})), max_size=8) | st.text())
def test_import_undoes_exactly_what_export_did(cell):
    written = neutralise(cell)
    assert written[:1] not in FORMULA_STARTS
    assert restore(written) == cell


def test_csv_export_is_quoted_json_exact_and_csv_comes_back(cli, tmp_path, monkeypatch):
    for number, name in enumerate(FORMULAS[:-1]):
        phone = f"+82 10-0000-{number:04d}"
        cli("customer", "add", "--company", name, "--phone", phone, "--city", "@Seoul", "--tag", "-vip", "--", name)
    exported = cli("export", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert len(rows) == len(FORMULAS) - 1, exported
    for row in rows:
        for field in ("name", "company", "phone", "city", "tags"):
            assert row[field].startswith("'") and row[field][1:2] in FORMULA_STARTS, (field, row[field])
    book = json.loads(cli("export", "--format", "json").stdout)
    assert [customer["name"] for customer in book["customers"]] == FORMULAS[:-1]
    assert book["customers"][0]["phone"] == "+82 10-0000-0000" and book["customers"][0]["tags"] == ["-vip"]

    path = tmp_path / "customers.csv"
    path.write_text(exported, encoding="utf-8")
    monkeypatch.setenv("SALESCOACH_HOME", str(tmp_path / "other"))
    assert cli.json("import", str(path))["added"] == len(FORMULAS) - 1
    again = json.loads(cli("export", "--format", "json").stdout)["customers"]
    fields = ("name", "company", "phone", "city", "tags")
    stripped = [{field: customer[field] for field in fields} for customer in book["customers"]]
    assert [{field: customer[field] for field in fields} for customer in again] == [
        {**customer, "name": customer["name"].strip(), "company": customer["company"].strip()} for customer in stripped
    ]
