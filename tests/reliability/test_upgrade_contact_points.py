"""m005 (several phones and e-mails per customer) keeps every phone and e-mail a version-4 store holds."""

import json
import shutil
import sqlite3
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "schema-v4.db"


def test_a_version_4_store_keeps_its_phones_and_takes_more(cli, isolated, tmp_path):
    isolated.mkdir(mode=0o700)
    shutil.copy(FIXTURE, isolated / "salescoach.db")
    assert sqlite3.connect(FIXTURE).execute("PRAGMA user_version").fetchone()[0] == 4
    shown = cli.json("customer", "show", "이서")
    assert (shown["customer"]["phone"], shown["phones"], shown["emails"]) == (
        "010-1111-2222",
        ["010-1111-2222"],
        ["seo@example.kr"],
    )
    sheet = tmp_path / "more.csv"
    sheet.write_text("name,company,mobile,phone,email\n이서연,한빛물류,010-9999-8888,01011112222,seo@home.kr\n")
    assert cli.json("import", str(sheet))["merged"] == 1
    shown = cli.json("customer", "show", "이서")
    assert shown["phones"] == ["010-1111-2222", "010-9999-8888"]  # the same number written otherwise is not added
    assert shown["emails"] == ["seo@example.kr", "seo@home.kr"]
    assert shown["customer"]["phone"] == "010-1111-2222"  # the primary, where calls and exports read it
    exported = json.loads(cli("export", "--format", "json").stdout)["customers"]
    assert [customer["phones"] for customer in exported] == [["010-1111-2222", "010-9999-8888"], ["+82 2-555-0100"]]
    card = cli("export", "--format", "vcf").stdout
    assert "TEL:010-1111-2222" in card and "TEL:010-9999-8888" in card and "EMAIL:seo@home.kr" in card
    cli("customer", "remove", "이서", "--yes")
    connection = sqlite3.connect(isolated / "salescoach.db")
    assert connection.execute("SELECT count(*) FROM contact_points").fetchone()[0] == 0  # they go with the customer
