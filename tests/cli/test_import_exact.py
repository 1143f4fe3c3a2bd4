"""Export -> import is exact, import checks what it matches inside its transaction, and no file makes a traceback."""

from __future__ import annotations

import json
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.usefixtures("backend")  # the contract: the same on SQLite and PostgreSQL

NAMES = st.sampled_from(["Kim Minsu", "이서연", "Lee Jiwoo", "kim minsu"])
COMPANIES = st.sampled_from([None, "Hanbit Motors", "한빛물류"])
PHONES = st.sampled_from([None, "010-1111-2222", "01011112222", "02-555-0100"])
EMAILS = st.sampled_from([None, "kim@example.com", "KIM@example.com"])
VISIT = st.fixed_dictionaries({"date": st.just("2026-03-04"), "channel": st.just("phone")})
CUSTOMER = st.fixed_dictionaries(
    {
        "name": NAMES,
        "company": COMPANIES,
        "phone": PHONES,
        "email": EMAILS,
        "phones": st.lists(st.sampled_from(["010-9999-0000", "031-555-0101"]), max_size=2, unique=True),
        "tier": st.sampled_from(["hot", "warm", "general"]),
        "created": st.just("2026-01-02T03:04:05"),
        "notes": st.lists(
            st.fixed_dictionaries(
                {
                    "kind": st.just("family"),
                    "text": st.text(
                        st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=20
                    ).filter(str.strip),
                    "noted_on": st.just("2026-02-03"),
                }
            ),
            max_size=2,
        ),
        "visits": st.lists(
            st.fixed_dictionaries({"date": st.just("2026-03-04"), "channel": st.just("phone")}), max_size=2
        ),
    }
)


def _book(customers: list[dict]) -> dict:
    for customer in customers:  # as an export writes them: every phone listed, the primary first
        customer["phones"] = ([customer["phone"]] if customer["phone"] else []) + [
            phone for phone in customer["phones"] if phone != customer["phone"]
        ]
    return {"salescoach_book": 1, "profile": {"name": "Kim Minsu"}, "customers": customers}


def _export(cli, home: Path) -> dict:
    result = cli.runner.invoke(cli.app, ["export", "--format", "json"], env={"SALESCOACH_HOME": str(home)})
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _import(cli, home: Path, path: Path) -> dict:
    result = cli.runner.invoke(cli.app, ["import", str(path), "--json"], env={"SALESCOACH_HOME": str(home)})
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.sqlite_book
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(customers=st.lists(CUSTOMER, min_size=1, max_size=6))
def test_an_export_with_namesakes_and_shared_phones_comes_back_whole(cli, customers):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        path = folder / "book.json"
        path.write_text(json.dumps(_book(customers), ensure_ascii=False), encoding="utf-8")
        report = _import(cli, folder / "first", path)
        assert (report["added"], report["merged"], report["skipped"]) == (len(customers), 0, 0)
        first = _export(cli, folder / "first")
        assert [(c["name"], c["phones"], len(c["visits"])) for c in first["customers"]] == [
            (c["name"], c["phones"], len(c["visits"])) for c in customers
        ]
        exported = folder / "export.json"
        exported.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
        _import(cli, folder / "second", exported)
        assert _export(cli, folder / "second") == first
        assert _import(cli, folder / "second", exported)["skipped"] == len(customers)  # never doubled


@pytest.mark.sqlite_book
def test_a_demo_book_with_namesakes_exports_and_imports_exactly(cli, tmp_path, monkeypatch):
    cli("demo", "--customers", "30", "--seed", "5")
    twin = cli.json("customer", "show", "1")["customer"]
    cli("customer", "add", twin["name"], "--company", twin["company"] or "", "--phone", twin["phone"] or "010-0")
    cli("customer", "add", "Second Phone Sharer", "--phone", twin["phone"] or "010-0")
    first = tmp_path / "book.json"
    cli("export", "--format", "json", "--out", str(first))
    monkeypatch.setenv("SALESCOACH_HOME", str(tmp_path / "other"))
    assert cli.json("import", str(first))["added"] == 32
    second = tmp_path / "again.json"
    cli("export", "--format", "json", "--out", str(second))
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


@pytest.mark.sqlite_book
def test_four_imports_of_one_file_at_once_add_it_once(run, tmp_path, isolated):
    assert run("demo", "--customers", "40", "--seed", "2").returncode == 0
    path = tmp_path / "book.json"
    assert run("export", "--format", "json", "--out", str(path)).returncode == 0
    target = {"SALESCOACH_HOME": str(tmp_path / "target")}
    assert run("paths", env=target).returncode == 0  # the store exists before they race to fill it

    def work(_index: int) -> subprocess.CompletedProcess:
        return run("import", str(path), "--json", env=target)

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(work, range(4)))
    for result in results:
        assert result.returncode == 0, result.stderr
    reports = [json.loads(result.stdout) for result in results]
    assert sorted(report["added"] for report in reports) == [0, 0, 0, 40]
    listed = run("customer", "list", "--json", env=target)
    assert len(json.loads(listed.stdout)) == 40


def test_a_stray_quote_is_a_bad_row_and_does_not_swallow_the_rows_after_it(cli, tmp_path):
    path = tmp_path / "stray.csv"
    path.write_text('name,phone\nA,010-1\n"B,010-2\nC,010-3\nD,"010-4"\n', encoding="utf-8")
    stopped = cli("import", str(path), code=2).stderr
    assert "line 3: not a row: a quote opens a cell that does not close where it should" in stopped
    report = cli.json("import", str(path), "--skip-bad")
    assert (report["added"], [problem["line"] for problem in report["bad"]]) == (3, [3])
    assert sorted(customer["name"] for customer in cli.json("customer", "list")) == ["A", "C", "D"]


def test_a_quoted_cell_swallowing_rows_is_caught_by_its_width(cli, tmp_path):
    path = tmp_path / "swallow.csv"
    path.write_text('name,phone,city\nA,"010-1,Seoul\nB,010-2,Busan\nC,010-3,"Daegu"\n', encoding="utf-8")
    report = cli.json("import", str(path), "--skip-bad")
    assert [problem["line"] for problem in report["bad"]] == [2]
    assert sorted(customer["name"] for customer in cli.json("customer", "list")) == ["B", "C"]


def test_cr_only_and_mixed_line_endings(cli, tmp_path):
    path = tmp_path / "mac.csv"
    path.write_bytes(b"name,phone\rA,010-1\rB,010-2\r\nC,010-3\nD,010-4")
    assert cli.json("import", str(path))["added"] == 4


def test_a_huge_cell_is_a_bad_row_by_its_line(cli, tmp_path):
    path = tmp_path / "huge.csv"
    path.write_text("name,note\nA,short\nB," + "x" * 200_000 + "\nC,short\n", encoding="utf-8")
    result = cli("import", str(path), code=2)
    assert "line 3: not a row: a cell is longer than 131,072 characters" in result.stderr
    assert cli.json("import", str(path), "--skip-bad")["added"] == 2


def test_a_device_or_a_file_past_the_limit_is_refused_without_reading_it_all(cli, tmp_path, monkeypatch):
    result = cli("import", "/dev/zero", "--format", "csv", code=2)
    assert result.stderr.startswith("Error: /dev/zero: larger than 67,108,864 bytes")
    monkeypatch.setattr("salescoach.usecases.import_text.MAX_BYTES", 1000)
    path = tmp_path / "big.csv"
    path.write_text("name\n" + "Lee\n" * 500, encoding="utf-8")
    assert "larger than 1,000 bytes" in cli("import", str(path), "--dry-run", code=2).stderr
    assert "cannot read" in cli("import", str(tmp_path), code=2).stderr  # a folder: a usage error, like a missing file


@pytest.mark.sqlite_book
def test_a_damaged_store_during_import_is_one_clear_error(cli, tmp_path, isolated):
    isolated.mkdir(mode=0o700)
    (isolated / "salescoach.db").write_bytes(b"not a database at all" * 1000)
    path = tmp_path / "a.csv"
    path.write_text("name\nLee\n", encoding="utf-8")
    result = cli("import", str(path), code=1)
    assert result.stderr.startswith("Error: the store is damaged") and "Traceback" not in result.stderr


def test_legacy_encodings_are_read(cli, tmp_path):
    names = {"cp949": "김민수", "shift_jis": "山田太郎", "cp1252": "José Müller", "utf-16-le": "이서연"}
    for encoding, name in names.items():
        path = tmp_path / f"{encoding}.csv"
        path.write_bytes(f"name,company\n{name},Hanbit\n".encode(encoding))
        cli("import", str(path))
    assert sorted(customer["name"] for customer in cli.json("customer", "list")) == sorted(names.values())
