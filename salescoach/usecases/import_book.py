"""Import a book from a spreadsheet (CSV), phone contacts (vCard) or a salescoach JSON export.

The readers (:mod:`import_csv`, :mod:`import_vcard`, and the export's checks in :mod:`book_input`) turn a file
into rows; here the rows are planned and written. A customer from a foreign file who is already in the book (a
phone, an e-mail, or the name and company in common) is merged: empty fields are filled, phones, e-mails, tags and
notes added, nothing overwritten. A salescoach export is the book itself: its customers are never merged with
each other (two Kim Minsus of one company are two customers), and one already in the book is skipped, so an
export imported into an empty store reproduces it exactly. What an import matches against is read inside its
write transaction, so two imports of one file at once cannot both add it.

A bad row stops the whole import, listing every bad row with its line, unless ``--skip-bad``, which imports the
good rows and writes the bad ones to a reject file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import NamedTuple

from salescoach.errors import InvalidInput, NotFound
from salescoach.files import write_private
from salescoach.i18n import _
from salescoach.store.customers import name_key
from salescoach.usecases.app import App
from salescoach.usecases.import_fields import Problem, Row, column_key, phone_key

INDUSTRY_WORDS = {  # an industry column's words (spaces, dashes and case ignored) → the pack for it
    **dict.fromkeys(("bank", "banking", "finance", "financial", "은행", "금융", "금융업", "은행업"), "bank"),
    **dict.fromkeys(
        ("auto", "car", "cars", "cardealer", "automotive", "dealer", "dealership", "자동차", "차량", "자동차판매"),
        "auto",
    ),
    **dict.fromkeys(
        ("realestate", "property", "realty", "부동산", "부동산업", "부동산중개", "공인중개사"), "real_estate"
    ),
    **dict.fromkeys(("insurance", "보험", "보험업", "보험설계"), "insurance"),
}
INDUSTRY_ROOTS = {  # failing a whole word, a part of one: "insurance broker", "자동차 딜러", "real estate agency"
    "insurance": "insurance",
    "보험": "insurance",
    "realestate": "real_estate",
    "부동산": "real_estate",
    "bank": "bank",
    "은행": "bank",
    "금융": "bank",
    "automotive": "auto",
    "자동차": "auto",
}


def bad_line(problem: Problem) -> str:
    """``line 3: no name``: a bad row as the error, the report and the reject file name it."""
    return _("line {line}: {reason}").format(line=problem.line, reason=problem.reason)


class ImportReport(NamedTuple):
    added: int
    merged: int
    skipped: int
    bad: tuple[Problem, ...]
    rejects: str | None
    dry_run: bool


def _industry_playbooks(industry: str) -> list[str]:
    """The playbooks an industry column's value may mean, best first: a playbook of that very name (the rep's own
    ``Retail-Pro``), a pack for the word or a part of it, and the value as a playbook name (``Retail`` → ``retail``)."""
    key = column_key(industry)
    root = next((pack for part, pack in INDUSTRY_ROOTS.items() if part in key), None)
    plain = re.sub(r"[\s\-]+", "_", industry.casefold())
    return [name for name in (industry, INDUSTRY_WORDS.get(key), root, plain) if name]


def read_json(text: str) -> tuple[list[Row | Problem], dict]:
    import json

    try:
        data = json.loads(text)
        customers = data["customers"]
        assert data.get("salescoach_book") == 1 and isinstance(customers, list)
    except (ValueError, KeyError, TypeError, AssertionError, RecursionError):  # RecursionError: nested 100,000 deep
        raise InvalidInput(_("not a salescoach JSON export (salescoach export --format json)")) from None
    from salescoach.usecases.book_input import checked_customer, checked_profile

    profile = checked_profile(data.get("profile"))
    rows: list[Row | Problem] = []
    for index, customer in enumerate(customers, 1):
        checked, problem = checked_customer(customer)
        if problem:
            rows.append(Problem(index, problem, json.dumps(customer, ensure_ascii=False)))  # whole, to fix and retry
        else:
            rows.append(Row(index, checked, ""))
    return rows, profile


def _choose_playbooks(app: App, rows: list[Row | Problem]) -> list[Row | Problem]:
    """Each row's industry as the playbook it means; one that means none here is a bad row, said now rather
    than found out at the customer's door."""
    installed: dict[str, bool] = {}

    def exists(name: str) -> bool:
        if name not in installed:
            try:
                app.playbook(name)
                installed[name] = True
            except NotFound:
                installed[name] = False
        return installed[name]

    chosen: list[Row | Problem] = []
    for row in rows:
        industry = row.data["playbook"] if isinstance(row, Row) else None
        if industry:
            name = next((name for name in _industry_playbooks(industry) if exists(name)), None)
            if name is None:
                row = Problem(
                    row.line,
                    _(
                        "industry {industry!r} has no playbook: use bank, auto, real_estate, insurance or one of your "
                        "own, or --map the column to tags"
                    ).format(industry=industry),
                    row.source,
                )
            else:
                row.data["playbook"] = name
        chosen.append(row)
    return chosen


def _identities(data: dict) -> list[tuple[str, str]]:
    phones = data.get("phones") or ([data["phone"]] if data.get("phone") else [])
    emails = data.get("emails") or ([data["email"]] if data.get("email") else [])
    keys = [("phone", digits) for digits in map(phone_key, phones) if digits]
    keys += [("email", email.casefold()) for email in emails]
    keys.append(("name", f"{name_key(data['name'])}\x00{(data.get('company') or '').casefold()}"))
    return keys


def _format(path: Path, format_: str | None, maps: list[str]) -> str:
    format_ = format_ or {".vcf": "vcf", ".vcard": "vcf", ".json": "json"}.get(path.suffix.lower(), "csv")
    if format_ not in ("csv", "vcf", "json"):
        raise InvalidInput(_("--format: {value!r} is not csv, vcf or json").format(value=format_))
    if maps and format_ != "csv":
        raise InvalidInput(_("--map: only for CSV files; a {format} file names its own fields").format(format=format_))
    return format_


def read_rows(app: App, path: Path, format_: str, maps: list[str]) -> tuple[list[Row | Problem], dict]:
    """Every row of the file, good or bad, and the rep's profile an export carries."""
    from salescoach.usecases.import_text import decode, read_limited

    raw = read_limited(path)
    today_text = app.today.isoformat()
    if format_ == "json":
        return read_json(decode(raw, path))
    if format_ == "vcf":
        from salescoach.usecases.import_vcard import read_vcf

        rows = read_vcf(raw, today_text)
    else:
        from salescoach.usecases.import_csv import parse_overrides, read_csv

        rows = read_csv(decode(raw, path), parse_overrides(maps), today_text)
    return _choose_playbooks(app, rows), {}  # an export keeps its playbook names; prep and followup cope with any


def plan(store, good: list[Row], exact: bool) -> list[tuple[str, Row, int | str | None]]:
    """("add" | "merge" | "skip", row, the customer it matches) for each good row, in file order.

    Matched against the book as it is, and for a foreign file against the rows before it too (a sheet that lists
    one customer twice adds them once); an export's rows are never matched with each other."""
    seen: dict[tuple[str, str], int | str] = {}
    for customer_id, name, company, phones, emails in store.contact_details():
        for identity in _identities({"name": name, "company": company, "phones": phones, "emails": emails}):
            seen.setdefault(identity, customer_id)
    planned: list[tuple[str, Row, int | str | None]] = []
    for row in good:
        identities = _identities(row.data)
        match = next((seen[identity] for identity in identities if identity in seen), None)
        if match is None:
            planned.append(("add", row, None))
            marker: int | str = f"new{row.line}"
        else:
            planned.append(("skip" if exact else "merge", row, match))
            marker = match
        if not exact:
            for identity in identities:
                seen.setdefault(identity, marker)
    return planned


def import_file(
    app: App,
    path: Path,
    format_: str | None,
    maps: list[str],
    dry_run: bool,
    skip_bad: bool,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> ImportReport:
    """Read ``path``, check every row, then add or merge all of them in one transaction (or none)."""
    format_ = _format(path, format_, maps)
    rows, profile = read_rows(app, path, format_, maps)
    bad = tuple(row for row in rows if isinstance(row, Problem))
    good = [row for row in rows if isinstance(row, Row)]
    if bad and not skip_bad:
        listed = "\n".join("  " + bad_line(problem) for problem in bad)
        raise InvalidInput(
            _("{count} bad row(s); nothing was imported:").format(count=len(bad)) + "\n" + listed,
            hint=_("fix them, or pass --skip-bad to import the good rows"),
        )
    with app.store() as store, nullcontext() if dry_run else store.transaction():
        planned = plan(store, good, exact=format_ == "json")
        if not dry_run:
            _write(store, planned, app, progress)
            if profile and not any(store.profile()._asdict().values()):
                store.set_profile(**{k: v for k, v in profile.items() if v is not None})
    counts = {action: sum(1 for done, _row, _match in planned if done == action) for action in ("add", "merge", "skip")}
    rejects = None
    if bad and skip_bad and not dry_run:
        rejects = str(path.with_name(path.name + ".rejected.txt"))
        write_private(rejects, "".join(f"# {bad_line(problem)}\n{problem.source}\n" for problem in bad))
    return ImportReport(counts["add"], counts["merge"], counts["skip"], bad, rejects, dry_run)


def _write(store, planned, app: App, progress) -> None:
    """Add new customers (in order, so a JSON export comes back with the same ids), then merge duplicates."""
    added_ids: dict[str, int] = {}
    total = len(planned)
    for done, (action, row, match) in enumerate(planned, 1):
        if action == "add":
            store.insert_book([row.data])
            added_ids[f"new{row.line}"] = store.last_customer_id()
        elif action == "merge":
            _merge(store, added_ids[match] if isinstance(match, str) else match, row, app)
        if done % 500 == 0 or done == total:
            progress(done, total)


def _merge(store, customer_id: int, row: Row, app: App) -> None:
    data = row.data
    fields = {key: data.get(key) for key in ("honorific", "company", "playbook", "phone", "email", "city")}
    store.merge_customer(customer_id, fields, data.get("tags", ()))
    known = store.customer_file(customer_id)
    phones = {phone_key(phone) or phone for phone in known.phones}
    emails = {email.casefold() for email in known.emails}
    store.add_contact_points(
        customer_id,
        [phone for phone in data.get("phones", ()) if (phone_key(phone) or phone) not in phones],
        [email for email in data.get("emails", ()) if email.casefold() not in emails],
    )
    for note in data.get("notes", ()):
        store.add_note(customer_id, note["kind"], note["text"], app.today)
