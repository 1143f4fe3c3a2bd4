"""Import a book from a spreadsheet (CSV), phone contacts (vCard) or a salescoach JSON export.

CSV: the delimiter is sniffed, the encoding is UTF-8 (with or without BOM) or CP949/EUC-KR (what Korean Excel
saves), and the header is mapped to fields by English and Korean names (이름, 회사, 전화, 이메일, 등급, ...);
``--map COLUMN=field`` overrides the guess. vCards are read with ``vobject``.

A customer already in the book (same phone, same email, or same name and company) is merged: empty fields are
filled, tags and notes added, nothing overwritten. A bad row stops the whole import, listing every bad row with its
line, unless ``--skip-bad``, which imports the good rows and writes the bad ones to a reject file.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from salescoach.core.dates import DateError, calendar_day
from salescoach.errors import InvalidInput, NotFound, SalescoachError
from salescoach.i18n import _
from salescoach.store.sqlite import name_key
from salescoach.usecases.app import App

FIELDS = ("name", "honorific", "company", "playbook", "phone", "email", "city", "tier", "tags", "note", "birthday")
SYNONYMS = {
    "name": ("name", "fullname", "customer", "customername", "이름", "성명", "고객명", "고객", "성함"),
    "honorific": ("honorific", "title", "salutation", "호칭", "직함", "직위"),
    "company": ("company", "organization", "organisation", "org", "employer", "회사", "회사명", "직장", "소속"),
    "playbook": ("playbook", "industry", "업종", "산업"),
    "phone": (
        "phone",
        "mobile",
        "tel",
        "telephone",
        "cell",
        "phonenumber",
        "전화",
        "전화번호",
        "휴대폰",
        "핸드폰",
        "연락처",
        "휴대전화",
    ),
    "email": ("email", "e-mail", "mail", "emailaddress", "이메일", "메일", "전자우편"),
    "city": ("city", "town", "region", "도시", "지역", "주소"),
    "tier": ("tier", "grade", "level", "등급", "고객등급"),
    "tags": ("tags", "tag", "labels", "group", "태그", "그룹", "분류"),
    "note": ("note", "notes", "memo", "comment", "메모", "비고", "참고"),
    "birthday": ("birthday", "birthdate", "dob", "생일", "생년월일"),
}
TIER_WORDS = {
    "hot": "hot",
    "intent": "hot",
    "의향": "hot",
    "상": "hot",
    "a": "hot",
    "warm": "warm",
    "promising": "warm",
    "유망": "warm",
    "중": "warm",
    "b": "warm",
    "general": "general",
    "일반": "general",
    "하": "general",
    "c": "general",
    "": "general",
}
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
ENCODINGS = ("utf-8-sig", "cp949")


class Row(NamedTuple):
    line: int
    data: dict  # a customer in the export shape; "merge" rows carry only contact fields, notes, dates and tags
    source: str  # the original text of the row, for the reject file


class Problem(NamedTuple):
    line: int
    reason: str
    source: str


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


def _key(header: str) -> str:
    return re.sub(r"[\s_\-.()]", "", header).casefold()


def guess_mapping(headers: list[str], overrides: dict[str, str]) -> dict[str, str]:
    """Column → field: overrides first, then known English and Korean header names.

    Columns are matched ignoring case, spaces and punctuation (``--map mobile=phone`` finds "Mobile"); a
    ``--map`` column the file lacks is an error, since a typo there would drop a whole column without a word.
    """
    wanted = {_key(column): field for column, field in overrides.items()}
    present = {_key(header) for header in headers}
    for column in overrides:
        if _key(column) not in present:
            raise InvalidInput(
                _("--map: the file has no column {column!r}; its columns are {headers}").format(
                    column=column, headers=", ".join(headers)
                )
            )
    mapping = {}
    known = {_key(word): field for field, words in SYNONYMS.items() for word in words}
    for header in headers:
        if _key(header) in wanted:
            mapping[header] = wanted[_key(header)]
        elif _key(header) in known and known[_key(header)] not in mapping.values():
            mapping[header] = known[_key(header)]
    if "name" not in mapping.values():
        raise InvalidInput(
            _("no name column among {headers}; say which with --map COLUMN=name").format(headers=", ".join(headers))
        )
    return mapping


def parse_overrides(pairs: list[str]) -> dict[str, str]:
    overrides = {}
    for pair in pairs:
        column, sep, field = pair.partition("=")
        if not sep or field not in FIELDS:
            raise InvalidInput(
                _("--map: {pair!r} should be COLUMN=field with field one of {fields}").format(
                    pair=pair, fields=", ".join(FIELDS)
                )
            )
        overrides[column] = field
    return overrides


def decode(raw: bytes, path: Path) -> str:
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InvalidInput(_("{path}: not UTF-8 or CP949 text").format(path=path))


def _industry_playbooks(industry: str) -> list[str]:
    """The playbooks an industry column's value may mean, best first: a playbook of that very name (the rep's own
    ``Retail-Pro``), a pack for the word or a part of it, and the value as a playbook name (``Retail`` → ``retail``)."""
    key = _key(industry)
    root = next((pack for part, pack in INDUSTRY_ROOTS.items() if part in key), None)
    plain = re.sub(r"[\s\-]+", "_", industry.casefold())
    return [name for name in (industry, INDUSTRY_WORDS.get(key), root, plain) if name]


def _contact_row(line: int, values: dict[str, str], source: str, today_text: str) -> Row | Problem:
    """Validate one contact (from a CSV row or a vCard) into the export shape."""
    name = (values.get("name") or "").strip()
    if not name:
        return Problem(line, _("no name"), source)
    tier = TIER_WORDS.get((values.get("tier") or "").strip().casefold())
    if tier is None:
        return Problem(line, _("tier {tier!r} is not hot, warm or general").format(tier=values.get("tier")), source)
    email = (values.get("email") or "").strip() or None
    if email and "@" not in email:
        return Problem(line, _("email {email!r} has no @").format(email=email), source)
    data = {
        "name": name,
        "honorific": (values.get("honorific") or "").strip() or None,
        "company": (values.get("company") or "").strip() or None,
        "playbook": (values.get("playbook") or "").strip() or None,  # resolved by _choose_playbooks
        "phone": (values.get("phone") or "").strip() or None,
        "email": email,
        "city": (values.get("city") or "").strip() or None,
        "tier": tier,
        "tags": [tag.strip() for tag in re.split(r"[;,]", values.get("tags") or "") if tag.strip()],
        "created": datetime.now().isoformat(timespec="seconds"),
        "notes": [{"kind": "other", "text": values["note"].strip(), "noted_on": today_text}]
        if (values.get("note") or "").strip()
        else [],
        "dates": [],
    }
    birthday = (values.get("birthday") or "").strip()
    if birthday:
        match = re.match(r"^(?:(\d{4})-?|--)(\d{2})-?(\d{2})$", birthday.replace(".", "-").replace("/", "-"))
        if not match:
            return Problem(line, _("birthday {birthday!r} is not YYYY-MM-DD").format(birthday=birthday), source)
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            calendar_day(year, month, day)
        except DateError:
            return Problem(line, _("birthday {birthday!r} is not a date").format(birthday=birthday), source)
        data["dates"].append(
            {
                "kind": "birthday",
                "month": month,
                "day": day,
                "year": year,
                "yearly": True,
                "lead_days": 3,
            }
        )
    return Row(line, data, source)


def read_csv(text: str, overrides: dict[str, str], today_text: str) -> list[Row | Problem]:
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        headers = next(reader)
    except StopIteration:
        raise InvalidInput(_("the file is empty")) from None
    mapping = guess_mapping(headers, overrides)
    rows: list[Row | Problem] = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        values = {mapping[header]: cell for header, cell in zip(headers, cells, strict=False) if header in mapping}
        source = dialect.delimiter.join(cells)
        rows.append(_contact_row(reader.line_num, values, source, today_text))
    return rows


def read_vcf(text: str, today_text: str) -> list[Row | Problem]:
    import vobject

    rows: list[Row | Problem] = []
    try:
        cards = list(vobject.readComponents(text, ignoreUnreadable=True))
    except Exception as error:  # vobject raises its own ParseError and plain ValueErrors
        raise InvalidInput(_("not a vCard file: {error}").format(error=error)) from None

    def first(card, name: str) -> str:
        item = getattr(card, name, None)
        value = item.value if item is not None else ""
        return ";".join(value) if isinstance(value, list) else str(value or "")

    for index, card in enumerate(cards, 1):
        values = {
            field: first(card, name)
            for field, name in (
                ("name", "fn"),
                ("company", "org"),
                ("phone", "tel"),
                ("email", "email"),
                ("note", "note"),
                ("honorific", "title"),
                ("birthday", "bday"),
            )
        }
        values["birthday"] = values["birthday"][:10]
        categories = getattr(card, "categories", None)
        if categories is not None:
            values["tags"] = ";".join(categories.value)
        rows.append(_contact_row(index, values, card.serialize(), today_text))
    return rows


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
    keys = []
    if data.get("phone"):
        digits = re.sub(r"\D", "", data["phone"])
        if digits:
            keys.append(("phone", digits))
    if data.get("email"):
        keys.append(("email", data["email"].casefold()))
    keys.append(("name", f"{name_key(data['name'])}\x00{(data.get('company') or '').casefold()}"))
    return keys


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
    format_ = format_ or {".vcf": "vcf", ".vcard": "vcf", ".json": "json"}.get(path.suffix.lower(), "csv")
    if format_ not in ("csv", "vcf", "json"):
        raise InvalidInput(_("--format: {value!r} is not csv, vcf or json").format(value=format_))
    if maps and format_ != "csv":
        raise InvalidInput(_("--map: only for CSV files; a {format} file names its own fields").format(format=format_))
    try:
        raw = path.read_bytes()
    except OSError as error:  # a missing or unreadable file is a runtime failure (exit 1), not bad input
        raise SalescoachError(_("{path}: cannot read: {reason}").format(path=path, reason=error.strerror)) from None
    text = decode(raw, path)
    today_text = app.today.isoformat()
    profile: dict = {}
    if format_ == "csv":
        rows = read_csv(text, parse_overrides(maps), today_text)
    elif format_ == "vcf":
        rows = read_vcf(text, today_text)
    else:
        rows, profile = read_json(text)
    if format_ != "json":  # an export keeps its playbook names as they were; prep and followup cope with any
        rows = _choose_playbooks(app, rows)
    bad = tuple(row for row in rows if isinstance(row, Problem))
    good = [row for row in rows if isinstance(row, Row)]
    if bad and not skip_bad:
        listed = "\n".join("  " + bad_line(problem) for problem in bad)
        raise InvalidInput(
            _("{count} bad row(s); nothing was imported:").format(count=len(bad)) + "\n" + listed,
            hint=_("fix them, or pass --skip-bad to import the good rows"),
        )
    added = merged = skipped = 0
    with app.store() as store:
        seen: dict[tuple[str, str], int | str] = {}
        for customer_id, name, company, phone, email in store.contact_details():
            for identity in _identities({"name": name, "company": company, "phone": phone, "email": email}):
                seen.setdefault(identity, customer_id)
        plan: list[tuple[str, Row, int | str | None]] = []
        for row in good:
            match = next((seen[identity] for identity in _identities(row.data) if identity in seen), None)
            if match is None:
                plan.append(("add", row, None))
                marker: int | str = f"new{row.line}"
            else:
                plan.append(("skip" if format_ == "json" else "merge", row, match))
                marker = match
            for identity in _identities(row.data):
                seen.setdefault(identity, marker)
        added = sum(1 for action, _, _ in plan if action == "add")
        merged = sum(1 for action, _, _ in plan if action == "merge")
        skipped = sum(1 for action, _, _ in plan if action == "skip")
        if not dry_run:
            with store.transaction():
                _write(store, plan, app, progress)
                if profile and not any(store.profile()._asdict().values()):
                    store.set_profile(**{k: v for k, v in profile.items() if v is not None})
    rejects = None
    if bad and skip_bad and not dry_run:
        rejects = str(path.with_name(path.name + ".rejected.txt"))
        Path(rejects).write_text(
            "".join(f"# {bad_line(problem)}\n{problem.source}\n" for problem in bad),
            encoding="utf-8",
        )
    return ImportReport(added, merged, skipped, bad, rejects, dry_run)


def _write(store, plan, app: App, progress) -> None:
    """Add new customers (in order, so a JSON export comes back with the same ids), then merge duplicates."""
    added_ids: dict[str, int] = {}
    total = len(plan)
    for done, (action, row, match) in enumerate(plan, 1):
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
    for note in data.get("notes", ()):
        store.add_note(customer_id, note["kind"], note["text"], app.today)
