"""Whatever a rep can type comes back through a spreadsheet or a phone: CSV and vCard round trips over generated
names, companies, notes, phones and e-mails."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30).filter(
    lambda text: text.strip() == text and text.strip() and not text.startswith("-")
)
NOTE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")) | st.just("\n"), min_size=1, max_size=60)
PHONE = st.from_regex(r"\+?[0-9][0-9 \-]{3,14}[0-9]", fullmatch=True)
EMAIL = st.from_regex(r"[a-z0-9._]{1,10}@[a-z0-9]{1,10}\.[a-z]{2,4}", fullmatch=True)
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _run(cli, home: Path, *args: str) -> str:
    result = cli.runner.invoke(cli.app, list(args), env={"SALESCOACH_HOME": str(home)})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _customers(cli, home: Path) -> list[dict]:
    return json.loads(_run(cli, home, "export", "--format", "json"))["customers"]


@SETTINGS
@given(
    name=TEXT,
    company=TEXT,
    note=NOTE.filter(lambda text: text.strip()),
    phones=st.lists(PHONE, min_size=1, max_size=3, unique_by=lambda phone: "".join(filter(str.isdigit, phone))),
    line_end=st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_a_spreadsheet_row_comes_in_as_written(cli, name, company, note, phones, line_end):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sheet.csv"
        out = io.StringIO()
        writer = csv.writer(out, lineterminator=line_end)
        writer.writerow(["Name", "Company", "Mobile Phone", "Home Phone", "Business Phone", "Notes"])
        writer.writerow([name, company, *(phones + ["", ""])[:3], note])
        path.write_text(out.getvalue(), encoding="utf-8")
        _run(cli, Path(folder) / "home", "import", str(path))
        [customer] = _customers(cli, Path(folder) / "home")
    assert (customer["name"], customer["company"], customer["phones"]) == (name, company, phones)
    assert customer["notes"][0]["text"] == note.strip()


@SETTINGS
@given(name=TEXT, company=TEXT, phones=st.lists(PHONE, min_size=1, max_size=3, unique=True), email=EMAIL)
def test_a_vcard_export_comes_back_into_an_empty_book(cli, name, company, phones, email):
    with tempfile.TemporaryDirectory() as folder:
        home, phone_home = Path(folder) / "home", Path(folder) / "phone"
        _run(cli, home, "customer", "add", name, "--company", company, "--phone", phones[0], "--email", email)
        book = Path(folder) / "book.json"
        exported = json.loads(_run(cli, home, "export", "--format", "json"))
        exported["customers"][0]["phones"] = phones
        book.write_text(json.dumps(exported), encoding="utf-8")
        _run(cli, Path(folder) / "again", "import", str(book))
        cards = Path(folder) / "contacts.vcf"
        cards.write_text(_run(cli, Path(folder) / "again", "export", "--format", "vcf"), encoding="utf-8")
        _run(cli, phone_home, "import", str(cards))
        [customer] = _customers(cli, phone_home)
    assert (customer["name"], customer["company"], customer["phones"], customer["emails"]) == (
        name,
        company,
        phones,
        [email],
    )
