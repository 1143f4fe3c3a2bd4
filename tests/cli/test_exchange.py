"""Import from spreadsheets and phones, export, and the follow-up calendar."""

import json
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.usefixtures("backend")  # the contract: the same on SQLite and PostgreSQL

FIXTURES = Path(__file__).resolve().parents[1] / "reliability" / "fixtures"


@pytest.mark.sqlite_book
def test_json_export_reimports_exactly(cli, tmp_path, monkeypatch):
    cli("demo", "--customers", "40", "--seed", "3")
    cli("profile", "set", "--name", "Kim Minsu")
    cli("customer", "date", "1", "birthday", "1980-03-04", "--lead", "3")
    birthday = cli.json("customer", "show", "1")["dates"][-1]
    cli("followup", "done", f"d{birthday['id']}")  # handled: the export carries that too
    first = tmp_path / "book.json"
    cli("export", "--format", "json", "--out", str(first))
    assert oct(first.stat().st_mode & 0o777) == "0o600"
    monkeypatch.setenv("SALESCOACH_HOME", str(tmp_path / "other"))
    report = cli.json("import", str(first))
    assert (report["added"], report["merged"], report["skipped"]) == (40, 0, 0)
    second = tmp_path / "again.json"
    cli("export", "--format", "json", "--out", str(second))
    assert json.loads(second.read_text()) == json.loads(first.read_text())
    assert '"handled": "2027-03-04"' in first.read_text()
    assert cli.json("import", str(first))["skipped"] == 40  # never doubled


@pytest.mark.sqlite_book
def test_a_hand_edited_export_gets_bad_rows_not_a_traceback(cli, tmp_path, isolated):
    cli("demo", "--customers", "4", "--seed", "3")
    path = tmp_path / "book.json"
    cli("export", "--format", "json", "--out", str(path))
    book = json.loads(path.read_text(encoding="utf-8"))
    book["customers"][0]["tier"] = "tepid"
    book["customers"][1]["promises"] = [{"text": "call", "made_on": "2026-11-01", "due": "2026-11-03", "visit": 99}]
    del book["customers"][2]["created"]  # harmless: it is filled in
    book["customers"][3]["dates"] = [
        {"kind": "birthday", "month": 2, "day": 30},
        {"kind": "renewal", "month": 11, "day": 30, "yearly": False},
    ]
    path.write_text(json.dumps(book), encoding="utf-8")
    env = {"SALESCOACH_HOME": str(tmp_path / "fresh")}
    result = cli.runner.invoke(cli.app, ["import", str(path)], env=env)
    assert result.exit_code == 2
    visits = len(book["customers"][1]["visits"])
    assert result.stderr.splitlines()[1:4] == [
        "  line 1: tier: must be one of 'hot', 'warm', 'general'",
        f"  line 2: promises.0.visit: no such visit: visits are numbered from 0, and this customer has {visits}",
        "  line 4: dates.0: no such day: 02-30 (and 1 more)",
    ]
    skipped = cli.runner.invoke(cli.app, ["import", str(path), "--skip-bad", "--json"], env=env)
    assert json.loads(skipped.stdout)["added"] == 1

    book["profile"]["bogus"] = 1
    path.write_text(json.dumps(book), encoding="utf-8")
    result = cli.runner.invoke(cli.app, ["import", str(path), "--skip-bad"], env={"SALESCOACH_HOME": str(isolated)})
    assert (result.exit_code, result.stderr.splitlines()[0]) == (2, "Error: profile.bogus: unknown field")


@pytest.mark.sqlite_book
@pytest.mark.parametrize("fixture", ["schema-v1.db", "schema-v2.db"])
def test_a_book_upgraded_from_an_older_version_exports_and_imports(cli, tmp_path, isolated, monkeypatch, fixture):
    isolated.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / fixture, isolated / "salescoach.db")
    path = tmp_path / "old.json"
    cli("export", "--format", "json", "--out", str(path))
    names = [customer["name"] for customer in json.loads(path.read_text(encoding="utf-8"))["customers"]]
    monkeypatch.setenv("SALESCOACH_HOME", str(tmp_path / "new"))
    assert cli.json("import", str(path))["added"] == len(names) > 0
    assert sorted(customer["name"] for customer in cli.json("customer", "list")) == sorted(names)


def test_whatever_a_date_comes_in_by_is_held_to_one_calendar(cli, tmp_path):
    cli("customer", "add", "Kim")
    assert cli("customer", "date", "Kim", "other", "3000-01-01", "--once", code=2).stderr.startswith(
        "Error: date: '3000-01-01' is out of range"
    )
    assert "no such day: 02-30" in cli("customer", "date", "Kim", "birthday", "02-30", code=2).stderr
    path = tmp_path / "birthdays.csv"
    path.write_text("name,birthday\nLee,1990-02-31\nPark,1850-01-01\nChoi,--02-29\n", encoding="utf-8")
    report = cli.json("import", str(path), "--skip-bad")
    assert [(problem["line"], problem["reason"]) for problem in report["bad"]] == [
        (2, "birthday '1990-02-31' is not a date"),
        (3, "birthday '1850-01-01' is not a date"),
    ]
    assert cli("import", str(path), "--map", "name=name", "--format", "vcf", code=2).stderr.startswith(
        "Error: --map: only for CSV files"
    )


def test_korean_excel_csv_in_cp949_with_duplicates_merged(cli, tmp_path):
    path = tmp_path / "고객.csv"
    rows = (
        "이름;회사;휴대폰;이메일;등급;메모;생일\n"
        "이서연;한빛물류;010-1111-2222;seo@example.com;유망;골프를 좋아함;1985-04-02\n"
        "박민준;대한식품;010-3333-4444;;일반;;\n"
        "이서연;한빛물류;01011112222;;;두 번째 메모;\n"
    )
    path.write_bytes(rows.encode("cp949"))
    dry = cli.json("import", str(path), "--dry-run")
    assert (dry["added"], dry["merged"], dry["dry_run"]) == (2, 1, True)
    assert cli.json("customer", "list") == []
    cli("import", str(path))
    book = cli.json("customer", "show", "이서")
    assert book["customer"]["tier"] == "warm" and book["customer"]["phone"] == "010-1111-2222"
    assert [n["text"] for n in book["notes"]] == ["골프를 좋아함", "두 번째 메모"]
    assert [(d["kind"], d["month"], d["day"]) for d in book["dates"]] == [("birthday", 4, 2)]
    assert len(cli.json("customer", "list")) == 2


def test_utf8_bom_csv_with_explicit_mapping(cli, tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text("\ufeffWho,Mobile,Org\nLee Jiwoo,010-9,Daehan\n", encoding="utf-8")
    with pytest.raises(AssertionError):
        cli("import", str(path))  # no name column to guess
    cli("import", str(path), "--map", "who=name", "--map", "MOBILE=phone")  # any case
    assert cli.json("customer", "show", "Lee")["customer"]["phone"] == "010-9"
    assert cli("import", str(path), "--map", "Who=nom", code=2).stderr.startswith("Error: --map")
    typo = cli("import", str(path), "--map", "Who=name", "--map", "Mobil=phone", code=2).stderr
    assert typo.splitlines()[0] == "Error: --map: the file has no column 'Mobil'; its columns are Who, Mobile, Org"


def test_bad_rows_stop_the_import_unless_skipped(cli, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("name,tier,email\nA,hot,a@x.kr\n,warm,\nC,boiling,c@x.kr\n")
    result = cli("import", str(path), code=2)
    assert "line 3: no name" in result.stderr and "line 4: tier 'boiling'" in result.stderr
    assert cli.json("customer", "list") == []
    report = cli.json("import", str(path), "--skip-bad")
    assert report["added"] == 1 and len(report["bad"]) == 2
    assert "C,boiling" in (tmp_path / "bad.csv.rejected.txt").read_text()


def test_an_industry_column_chooses_the_pack_and_an_unknown_industry_is_a_bad_row(cli, tmp_path, isolated):
    path = tmp_path / "book.csv"
    path.write_text(
        "name,industry\nA,Banking\nB,부동산\nC,Real-Estate agency\nD,\nE,Retail\nF,보험업\nG,자동차 딜러\n"
        "H,../../etc/x\nI,bank.ko\nJ,Retail-Pro\n"
    )
    result = cli("import", str(path), code=2)
    for line, industry in ((6, "Retail"), (9, "../../etc/x"), (11, "Retail-Pro")):
        assert f"line {line}: industry {industry!r} has no playbook" in result.stderr
    cli("import", str(path), "--skip-bad")
    playbooks = {"A": "bank", "B": "real_estate", "C": "real_estate", "D": None, "F": "insurance", "G": "auto"}
    playbooks["I"] = "bank"  # a name with a dot is no playbook's (nor a translation's), but the word is there
    assert {c["name"]: c["playbook"] for c in cli.json("customer", "list")} == playbooks
    for name in ("retail", "Retail-Pro"):  # the rep's own playbooks are industries too
        write = (isolated / "playbooks" / f"{name}.yaml").write_text
        (isolated / "playbooks").mkdir(parents=True, exist_ok=True)
        write(f"name: {name}\nlanguage: en\nextends: core\n")
    result = cli("import", str(path), code=2)
    assert "line 9:" in result.stderr and "line 6:" not in result.stderr and "line 11:" not in result.stderr
    cli("import", str(path), "--skip-bad")
    assert cli.json("customer", "show", "E")["customer"]["playbook"] == "retail"
    assert cli.json("customer", "show", "J")["customer"]["playbook"] == "Retail-Pro"


def test_a_missing_file_is_a_usage_error_in_one_line(cli, tmp_path):
    """The one rule for files the rep names, as for debrief, playbook and message files (README)."""
    result = cli("import", str(tmp_path / "nowhere.csv"), code=2)
    assert result.stderr.count("\n") == 1 and "nowhere.csv: cannot read" in result.stderr


def test_vcard_round_trip(cli, tmp_path, monkeypatch):
    cli(
        "customer",
        "add",
        "Lee Jiwoo",
        "--company",
        "Daehan",
        "--phone",
        "010-1",
        "--email",
        "lee@x.kr",
        "--tag",
        "fleet",
    )
    cli("customer", "date", "Lee", "birthday", "1990-05-06")
    path = tmp_path / "contacts.vcf"
    path.write_text(cli("export", "--format", "vcf").stdout, encoding="utf-8")
    monkeypatch.setenv("SALESCOACH_HOME", str(tmp_path / "phone"))
    cli("import", str(path))
    book = cli.json("customer", "show", "Lee")
    customer = book["customer"]
    assert (customer["company"], customer["phone"], customer["email"], customer["tags"]) == (
        "Daehan",
        "010-1",
        "lee@x.kr",
        ["fleet"],
    )
    assert [(d["month"], d["day"], d["year"]) for d in book["dates"]] == [(5, 6, 1990)]


def test_csv_export_has_a_header_and_a_row_per_customer(cli):
    cli("customer", "add", "Lee, Jiwoo", "--tag", "a", "--tag", "b")
    lines = cli("export", "--format", "csv").stdout.splitlines()
    assert lines[0].startswith("name,honorific,company")
    assert lines[1].startswith('"Lee, Jiwoo",') and "a;b" in lines[1]


def test_csv_export_keeps_every_phone_and_email_through_an_import(cli, tmp_path, monkeypatch):
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kim Minsu\r\nTEL:+82 10-1111-2222\r\nTEL:010-3333-4444\r\n"
    card += "EMAIL:a@example.com\r\nEMAIL:b@example.com\r\nEND:VCARD\r\n"
    (tmp_path / "two.vcf").write_text(card, encoding="utf-8")
    cli("import", str(tmp_path / "two.vcf"))
    exported = cli("export", "--format", "csv").stdout
    assert "'+82 10-1111-2222 ::: 010-3333-4444,a@example.com ::: b@example.com," in exported  # as Google writes
    (tmp_path / "book.csv").write_text(exported, encoding="utf-8")
    monkeypatch.setenv("SALESCOACH_HOME", str(tmp_path / "other"))
    cli("import", str(tmp_path / "book.csv"))
    again = cli.json("customer", "show", "1")
    assert again["phones"] == ["+82 10-1111-2222", "010-3333-4444"]
    assert again["emails"] == ["a@example.com", "b@example.com"]


def test_calendar_has_stable_uids_and_parses(cli, tmp_path):
    import icalendar

    cli("customer", "add", "Lee")
    cli("followup", "add", "Lee", "--on", "+2d", "--type", "info")
    path = tmp_path / "f.ics"
    cli("followup", "--ics", str(path))
    events = list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    assert [str(event["UID"]) for event in events] == ["f1@salescoach"]
    assert "Lee" in str(events[0]["DESCRIPTION"])
    cli("followup", "snooze", "f1", "--to", "+5d")
    cli("followup", "--ics", str(path))
    again = list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    assert [str(event["UID"]) for event in again] == ["f1@salescoach"]
    assert again[0]["DTSTART"].dt.isoformat() == "2026-11-30"


def test_vcard_4_from_a_phone(cli, tmp_path):
    path = tmp_path / "phone.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:박민준\r\nN:박;민준;;;\r\nORG:대한식품\r\nTEL;TYPE=cell:010-3333-4444\r\n"
        "EMAIL:park@example.kr\r\nBDAY:--0412\r\nNOTE:골프를 좋아함\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    cli("import", str(path))
    book = cli.json("customer", "show", "박민준")
    assert (book["customer"]["company"], book["customer"]["phone"]) == ("대한식품", "010-3333-4444")
    assert [(d["month"], d["day"], d["year"]) for d in book["dates"]] == [(4, 12, None)]
    assert [n["text"] for n in book["notes"]] == ["골프를 좋아함"]
