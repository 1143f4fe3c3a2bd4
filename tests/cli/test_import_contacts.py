"""The contact files reps really have: Google, Outlook and Thunderbird CSV, and vCards from phones and mail programs.

The files are in tests/fixtures/contacts/ (its README says where each comes from); each test imports one the way a
rep would and checks every contact arrived whole: name as it is written, every phone and e-mail (preferred and
mobile first), company, birthday, notes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

CONTACTS = Path(__file__).resolve().parents[1] / "fixtures" / "contacts"


def book(cli) -> dict[str, dict]:
    """Every customer's contact fields by name, from the export (which carries every phone and e-mail)."""
    import json

    exported = json.loads(cli("export", "--format", "json").stdout)
    return {customer["name"]: customer for customer in exported["customers"]}


def birthdays(customer: dict) -> list[tuple]:
    return [(d["year"], d["month"], d["day"]) for d in customer["dates"] if d["kind"] == "birthday"]


def test_old_google_csv_keeps_its_numbered_phones_emails_and_organisation(cli):
    report = cli.json("import", str(CONTACTS / "google-old.csv"))
    assert (report["added"], report["bad"]) == (2, [])
    customers = book(cli)
    lee = customers["Jiwoo Lee"]
    assert lee["company"] == "Daehan Logistics" and lee["city"] == "Seoul"
    assert lee["phones"] == ["+82 10-5555-0102", "+82 10-5555-0103", "+82 2-555-0101"]  # mobile first, ::: split
    assert lee["phone"] == "+82 10-5555-0102"
    assert lee["emails"] == ["jiwoo.lee@daehan.example", "jiwoo@home.example"]  # "* Work" is the preferred one
    assert lee["tags"] == ["Fleet"]  # Google's own "* myContacts" is no tag of the rep's
    assert [note["text"] for note in lee["notes"]] == ['Met at the "fleet" fair']
    assert birthdays(lee) == [(1985, 4, 2)]
    assert birthdays(customers["박민준"]) == [(None, 12, 25)]  # Google writes " --12-25" for a birthday without a year


def test_new_google_csv_joins_name_parts_in_the_order_names_are_written(cli):
    cli("import", str(CONTACTS / "google-new.csv"))
    customers = book(cli)
    assert set(customers) == {"Minsu Kim", "이서연"}  # Korean: family first, no space
    kim = customers["Minsu Kim"]
    assert (kim["honorific"], kim["company"], kim["tags"]) == ("Mr.", "Hanbit Motors", ["Dealers"])
    assert kim["phones"] == ["010-7777-8888", "02-555-0199"]
    assert birthdays(customers["이서연"]) == [(None, 4, 12)]
    assert [note["text"] for note in customers["이서연"]["notes"]] == ["골프를 좋아함"]


@pytest.mark.parametrize("name", ["outlook-cp1252.csv", "outlook-utf16.csv"])
def test_outlook_csv_in_windows_1252_or_utf16(cli, name):
    report = cli.json("import", str(CONTACTS / name))
    assert (report["added"], report["bad"]) == (2, [])
    customers = book(cli)
    muller = customers["José Müller"]
    assert (muller["honorific"], muller["company"]) == ("Mr.", "Café Straße GmbH")
    assert muller["phones"] == ["+49 171 7654321", "+49 30 1234567", "+49 30 7654321"]  # the mobile first
    assert muller["emails"] == ["jose.muller@example.de", "jm@privat.example"]
    assert muller["tags"] == ["Fleet", "VIP"]
    assert birthdays(muller) == [(1991, 1, 20)]  # 20/01/1991: day first
    assert birthdays(customers["Anne Dupont"]) == []  # Outlook's 0/0/00 is no birthday


def test_thunderbird_csv_with_a_cell_over_two_lines_and_separate_birthday_columns(cli, tmp_path):
    report = cli.json("import", str(CONTACTS / "thunderbird-export.csv"))
    assert (report["added"], report["bad"]) == (2, [])
    assert book(cli)["contact number two"]["notes"][0]["text"] == "here's some unicode text…"
    sheet = tmp_path / "thunderbird.csv"
    header = (CONTACTS / "thunderbird-basic.csv").read_text(encoding="utf-8").splitlines()[0]
    columns = header.split(",")
    cells = dict.fromkeys(columns, "")
    cells.update({"First Name": "Ana", "Last Name": "Silva", "Mobile Number": "555-0101", "Work Phone": "555-0102"})
    cells.update({"Birth Year": "1990", "Birth Month": "2", "Birth Day": "28", "Secondary Email": "ana@home.example"})
    sheet.write_text(header + "\n" + ",".join(cells[column] for column in columns) + "\n", encoding="utf-8")
    cli("import", str(CONTACTS / "thunderbird-basic.csv"))
    cli("import", str(sheet))
    customers = book(cli)
    assert customers["John Doe"]["email"] == "john@doe.invalid"
    ana = customers["Ana Silva"]
    assert (ana["phones"], ana["emails"], birthdays(ana)) == (
        ["555-0101", "555-0102"],
        ["ana@home.example"],
        [(1990, 2, 28)],
    )


def test_vcards_from_phones_and_mail_programs(cli):
    for name in (
        "android-21-qp.vcf",
        "feature-phone-sjis.vcf",
        "iphone-30.vcf",
        "vcard-40.vcf",
        "evolution-canada.vcf",
        "evolution-evil.vcf",
        "thunderbird-export.vcf",
    ):
        report = cli.json("import", str(CONTACTS / name))
        assert report["bad"] == [] and report["added"] >= 1, name
    customers = book(cli)
    seoyeon = customers["이서연"]  # Android 2.1: only N, quoted-printable UTF-8
    assert (seoyeon["company"], seoyeon["phones"]) == ("한빛물류", ["010-1111-2222", "02-555-0100"])
    assert seoyeon["notes"][0]["text"] == "골프를 좋아함\n주말에"
    assert customers["Minjun Park"]["phones"] == ["010-3333-4444", "031-555-0111"]  # FN was the first name only; PREF
    taro = customers["山田太郎"]  # a Japanese feature phone: Shift_JIS
    assert (taro["company"], taro["phones"], birthdays(taro)) == ("山田工務店", ["090-1234-5678"], [(1960, 4, 1)])
    yuna = customers["Yuna Choi"]  # iPhone: grouped item1.EMAIL, a PHOTO, an unescaped comma in ORG
    assert (yuna["honorific"], yuna["company"], yuna["city"]) == ("Dr.", "Seoul Realty, Inc., Sales", "Seoul")
    assert yuna["phones"] == ["010-9999-0000", "02-555-0123"]
    assert yuna["emails"] == ["yuna@seoulrealty.example", "yuna.choi@mail.example"]
    assert birthdays(yuna) == [(1988, 7, 15)]
    shown = cli("customer", "show", "Yuna").stdout
    assert "Other phones  02-555-0123" in shown and "Other emails  yuna.choi@mail.example" in shown
    jiho = customers["Jiho Han"]  # 4.0: tel: URIs, PREF=1, a birthday without a year
    assert (jiho["phones"], birthdays(jiho)) == (["+82-10-5555-0145", "+82-2-555-0144"], [(None, 12, 25)])
    ralf = customers["Ralf Engels"]  # folded parameters, escaped semicolons
    assert ralf["emails"] == ["Frank_Dawson@Lotus.com", "semicolon;@points.net"]
    assert ralf["phones"] == ["+1-919-676-9515", "+1-919-676-9564"]  # the fax last
    assert customers["canada address"]["city"] == "Newmarket"
    assert customers["contact number two"]["notes"][0]["text"] == "here's some unicode text…"


def test_a_bad_card_is_a_bad_row_by_its_line_and_skip_bad_imports_the_rest(cli, tmp_path, isolated):
    path = tmp_path / "contacts.vcf"
    path.write_text(
        "exported by a phone\n"  # a stray line before the first card belongs to no card
        "BEGIN:VCARD\nVERSION:3.0\nFN:Good One\nTEL:010-1\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Bad Birthday\nBDAY:someday\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nN:\nTEL:010-3\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Good Two\nEMAIL:two@example.com\nEND:VCARD\n",
        encoding="utf-8",
    )
    stopped = cli("import", str(path), code=2).stderr.splitlines()
    assert stopped[1:3] == ["  line 7: birthday 'someday' is not a date", "  line 12: no name"]
    report = cli.json("import", str(path), "--skip-bad")
    assert report["added"] == 2
    assert sorted(book(cli)) == ["Good One", "Good Two"]
    assert "FN:Bad Birthday" in (tmp_path / "contacts.vcf.rejected.txt").read_text(encoding="utf-8")


def test_a_file_that_is_no_vcard_is_refused(cli, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("name,phone\nLee,010\n", encoding="utf-8")
    result = cli("import", str(path), "--format", "vcf", code=2)
    assert result.stderr.startswith("Error: not a vCard file")
    assert cli("import", str(path), "--format", "vcf", "--dry-run", code=2).stderr.startswith("Error: not a vCard")


def test_vcard_text_never_reaches_the_terminal(cli, tmp_path, capfd):
    path = tmp_path / "escape.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Lee\n\x1b[31mBROKEN LINE\nEND:VCARD\n", encoding="utf-8")
    result = cli("import", str(path))
    assert "\x1b" not in result.stderr + result.stdout
    captured = capfd.readouterr()
    assert "\x1b" not in captured.err + captured.out
    assert list(book(cli)) == ["Lee"]


def test_name_parts_can_be_mapped_and_joined(cli, tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("Vorname,Zuname,Handy\nJiwoo,Lee,010-1\n", encoding="utf-8")
    cli("import", str(path), "--map", "Vorname=first_name", "--map", "Zuname=last_name", "--map", "Handy=phone")
    cli("import", str(path), "--map", "Vorname=name", "--map", "Zuname=name", "--dry-run")
    assert book(cli)["Jiwoo Lee"]["phone"] == "010-1"
    path.write_text("성,이름,휴대폰\n김,민수,010-2\n", encoding="utf-8")  # Korean Outlook: 성 and 이름 apart
    cli("import", str(path))
    assert "김민수" in book(cli)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1991-01-20", (1991, 1, 20)),
        ("19910120", (1991, 1, 20)),
        ("20.01.1991", (1991, 1, 20)),
        ("1/20/1991", (1991, 1, 20)),
        ("--12-25", (None, 12, 25)),
        ("--1225", (None, 12, 25)),
        ("1991년 1월 20일", (1991, 1, 20)),
        ("1991-01-20T00:00:00Z", (1991, 1, 20)),
        ("0/0/00", None),
    ],
)
def test_birthdays_as_exporters_write_them(cli, tmp_path, written, expected):
    path = tmp_path / "birthdays.csv"
    path.write_text(f"name,birthday\nLee,{written}\n", encoding="utf-8")
    cli("import", str(path))
    assert birthdays(book(cli)["Lee"]) == ([expected] if expected else [])


def test_ambiguous_numeric_birthdays_follow_the_file(cli, tmp_path):
    path = tmp_path / "birthdays.csv"
    path.write_text("name,birthday\nLee,05/06/1990\nKim,25/12/1980\n", encoding="utf-8")
    cli("import", str(path))
    assert birthdays(book(cli)["Lee"]) == [(1990, 6, 5)]  # the file writes days first (25/12)


def test_backslashes_are_escapes_in_vcard_3_and_text_in_2_1(cli, tmp_path):
    path = tmp_path / "escapes.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lee;Jiwoo;;;\r\nFN:Lee\\Jiwoo\r\nORG:A\\;B;Sales\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Park\\, Minjun\r\nORG:Park\\; Sons;Sales\r\nNOTE:one\\ntwo\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    cli("import", str(path))
    customers = book(cli)
    assert customers["Lee\\Jiwoo"]["company"] == "A;B, Sales"  # 2.1 escapes only a structured value's ;
    park = customers["Park, Minjun"]
    assert (park["company"], park["notes"][0]["text"]) == ("Park; Sons, Sales", "one\ntwo")


def test_a_german_outlook_export(cli):
    report = cli.json("import", str(CONTACTS / "outlook-de-cp1252.csv"))
    assert (report["added"], report["bad"]) == (2, [])
    customers = book(cli)
    gross = customers["Jürgen Groß"]
    assert (gross["honorific"], gross["company"], gross["city"]) == ("Herr", "Autohaus Süd GmbH", "München")
    assert gross["phones"] == ["+49 89 123400", "+49 171 2345678", "+49 89 123456"]  # the main one, the mobile
    assert gross["emails"] == ["j.gross@autohaus-sued.example", "juergen@privat.example"]
    assert (gross["tags"], birthdays(gross)) == (["Flotte"], [(1975, 4, 3)])
    assert birthdays(customers["Anna Klein"]) == []


def test_a_birthday_in_words_is_kept_as_a_note(cli, tmp_path):
    path = tmp_path / "text-bday.vcf"
    path.write_text(
        "BEGIN:VCARD\nVERSION:4.0\nFN:Old Friend\nBDAY;VALUE=text:circa 1800\nEND:VCARD\n", encoding="utf-8"
    )
    cli("import", str(path))
    friend = book(cli)["Old Friend"]
    assert (birthdays(friend), [note["text"] for note in friend["notes"]]) == ([], ["birthday: circa 1800"])
