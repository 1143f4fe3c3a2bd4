"""The demo book: realistic enough to try every command on, the same for the same seed, and never written over a
rep's own book by accident."""

import json
import time
from collections import Counter
from datetime import date


def export(cli, tmp_path, name):
    path = tmp_path / name
    cli("export", "--format", "json", "--out", str(path))
    book = json.loads(path.read_text(encoding="utf-8"))
    for customer in book["customers"]:
        customer.pop("created")  # the moment the book was made
    return book


def test_the_same_seed_gives_the_same_book(cli, tmp_path, monkeypatch):
    cli("demo", "--customers", "60", "--seed", "9")
    first = export(cli, tmp_path, "first.json")
    monkeypatch.setenv("SALESCOACH_HOME", str(tmp_path / "again"))
    cli("demo", "--customers", "60", "--seed", "9")
    assert export(cli, tmp_path, "again.json") == first
    monkeypatch.setenv("SALESCOACH_HOME", str(tmp_path / "other"))
    cli("demo", "--customers", "60", "--seed", "10")
    assert export(cli, tmp_path, "other.json") != first


def test_the_book_has_what_a_rep_s_year_has(cli, tmp_path):
    made = cli.json("demo", "--customers", "300", "--seed", "4")
    assert made["customers"] == 300 and min(made.values()) > 0
    customers = export(cli, tmp_path, "book.json")["customers"]
    today = date(2026, 11, 25)
    assert {c["playbook"] for c in customers} == {"bank", "auto", "real_estate", "insurance"}
    assert {c["tier"] for c in customers} == {"hot", "warm", "general"}
    visits = [visit for c in customers for visit in c["visits"]]
    assert all(visit["feedback"] and visit["benefit"] and visit["opportunity"] for visit in visits)
    assert min(date.fromisoformat(visit["date"]) for visit in visits) >= date(2025, 11, 25)
    promises = [promise for c in customers for promise in c["promises"]]
    kept = Counter("open" if not p["kept_on"] else "late" if p["kept_on"] > p["due"] else "on time" for p in promises)
    assert kept["on time"] > kept["late"] > 0 and kept["open"] > 0
    followups = [followup for c in customers for followup in c["followups"]]
    assert any(f["done_on"] for f in followups) and any(date.fromisoformat(f["due"]) > today for f in followups)
    dates = Counter(d["kind"] for c in customers for d in c["dates"])
    assert dates["birthday"] > 0 and dates["renewal"] + dates["rate_reset"] + dates["lease_end"] > 0
    assert sum(1 for c in customers for _ in c["purchases"]) > 0 and sum(len(c["notes"]) for c in customers) > 0


def test_it_never_writes_over_a_book_by_accident(cli, isolated, dump):
    cli("customer", "add", "My own customer")
    before = dump(isolated / "salescoach.db")
    refused = cli("demo", "--customers", "5", code=2)
    assert "--force" in refused.stderr
    assert dump(isolated / "salescoach.db") == before
    cli("demo", "--customers", "5", "--force")
    assert len(cli.json("customer", "list")) == 6


def test_ten_thousand_customers_in_well_under_a_minute(cli):
    start = time.perf_counter()
    made = cli.json("demo", "--customers", "10000", "--seed", "1")
    assert time.perf_counter() - start < 40
    assert made["visits"] > 80_000
