"""Contacts from a spreadsheet: a rep's own sheet, or what Google Contacts, Outlook and Thunderbird export.

Those tools write no single name column but name parts (``Given Name``/``Family Name``, ``First Name``/
``Last Name``), several numbered phones and e-mails with their kinds in a column beside them (``Phone 1 - Type``,
``Phone 1 - Value``), or one column per kind of phone (``Mobile Phone``, ``Business Phone``), in English or in the
language of the rep's Outlook. Every phone and e-mail is kept, preferred and mobile first.

A row that does not parse as a row (a stray quote that would swallow the rows after it, a cell past the size
limit) is a bad row reported by its line, and reading goes on at the next line.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from typing import NamedTuple

from salescoach.core.spreadsheet import restore
from salescoach.errors import InvalidInput
from salescoach.i18n import _
from salescoach.usecases.import_fields import (
    Contact,
    Problem,
    Row,
    column_key,
    contact_row,
    day_first_order,
    split_values,
)

FIELDS = (
    "name",
    "first_name",
    "middle_name",
    "last_name",
    "honorific",
    "company",
    "playbook",
    "phone",
    "email",
    "city",
    "tier",
    "tags",
    "note",
    "birthday",
    "birth_year",
    "birth_month",
    "birth_day",
)
SYNONYMS = {
    "name": (
        "name",
        "fullname",
        "displayname",
        "customer",
        "customername",
        "성명",
        "고객명",
        "고객",
        "성함",
        "표시이름",
    ),
    "first_name": ("firstname", "givenname", "forename", "vorname", "prénom", "prenom", "名", "이름"),
    "middle_name": ("middlename", "additionalname", "weiterevornamen", "deuxièmeprénom", "ミドルネーム", "중간이름"),
    "last_name": ("lastname", "familyname", "surname", "nachname", "nom", "姓", "성"),
    "honorific": ("honorific", "title", "salutation", "nameprefix", "anrede", "civilité", "호칭", "직함", "직위"),
    "company": (
        "company",
        "organization",
        "organisation",
        "org",
        "employer",
        "organizationname",
        "organization1name",
        "firma",
        "société",
        "会社名",
        "회사",
        "회사명",
        "직장",
        "소속",
    ),
    "playbook": ("playbook", "industry", "업종", "산업"),
    "phone": ("phone", "tel", "telephone", "phonenumber", "전화", "전화번호", "연락처"),
    "email": ("email", "mail", "emailaddress", "primaryemail", "e-mailadresse", "電子メールアドレス", "전자메일주소")
    + ("이메일", "메일", "전자우편"),
    "city": (
        "city",
        "town",
        "region",
        "homecity",
        "workcity",
        "businesscity",
        "address1city",
        "ortgeschäftlich",
        "ortprivat",
        "도시",
        "지역",
        "주소",
    ),
    "tier": ("tier", "grade", "level", "등급", "고객등급"),
    "tags": (
        "tags",
        "tag",
        "labels",
        "group",
        "groupmembership",
        "categories",
        "kategorien",
        "태그",
        "그룹",
        "분류",
        "범주",
    ),
    "note": ("note", "notes", "memo", "comment", "notizen", "メモ", "메모", "비고", "참고"),
    "birthday": ("birthday", "birthdate", "dob", "geburtstag", "anniversaire", "誕生日", "생일", "생년월일"),
    "birth_year": ("birthyear",),
    "birth_month": ("birthmonth",),
}
MOBILE_PHONES = ("mobile", "mobilephone", "mobilenumber", "cell", "cellphone", "mobiltelefon", "téléphonemobile")
MOBILE_PHONES += ("mobiltelefon2", "携帯電話", "휴대폰", "핸드폰", "휴대전화", "휴대폰번호")
PREFERRED_PHONES = ("primaryphone", "haupttelefon")
OTHER_PHONES = ("businessphone", "businessphone2", "homephone", "homephone2", "workphone", "carphone", "otherphone")
OTHER_PHONES += ("companymainphone", "telefongeschäftlich", "telefongeschäftlich2", "telefonfirma", "telefonprivat")
OTHER_PHONES += ("telefonprivat2", "autotelefon", "weiterestelefon", "회사전화", "근무처전화", "집전화")
OTHER_EMAILS = ("secondaryemail", "email2address", "email3address", "e-mail2:adresse", "e-mail3:adresse")
OTHER_EMAILS += ("전자메일2주소", "전자메일3주소")
_NUMBERED = re.compile(r"^(phone|email)(\d+)(value|type|label)$")
_MOBILE_WORDS = ("mobile", "cell", "휴대", "핸드폰", "携帯", "mobil", "portable")
MAX_CELL = 128 * 1024
MANY = ("phone", "email", "note", "tags")  # fields several columns add to; of the others the first column wins


class Record(NamedTuple):
    first: int  # the index of its first line
    cells: list[str] | str  # or why it is no row
    source: str


class Column(NamedTuple):
    index: int
    field: str
    rank: int = 2  # phones and e-mails: 0 preferred, 1 mobile, 2 others; in file order within a rank
    kind: int | None = None  # the column holding this value's kind (Google's "Phone 1 - Type")


_KINDS = [  # columns of one kind of phone or e-mail each, as Outlook and Thunderbird write them, with their rank
    ({column_key(name) for name in MOBILE_PHONES}, "phone", 1),
    ({column_key(name) for name in PREFERRED_PHONES}, "phone", 0),
    ({column_key(name) for name in OTHER_PHONES}, "phone", 2),
    ({column_key(name) for name in OTHER_EMAILS}, "email", 2),
]


def parse_overrides(pairs: list[str]) -> dict[str, str]:
    """``--map COLUMN=field`` options, in order; mapping several columns to ``name`` joins them."""
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


def guess_columns(headers: list[str], overrides: dict[str, str]) -> list[Column]:
    """The columns that carry fields: ``--map`` first, then the names people and exporters give them.

    Columns are matched ignoring case, spaces and punctuation (``--map mobile=phone`` finds "Mobile"); a
    ``--map`` column the file lacks is an error, since a typo there would drop a whole column without a word.
    """
    keys = [column_key(header) for header in headers]
    for column in overrides:
        if column_key(column) not in keys:
            raise InvalidInput(
                _("--map: the file has no column {column!r}; its columns are {headers}").format(
                    column=column, headers=", ".join(headers)
                )
            )
    mapped = [
        Column(keys.index(column_key(column)), field, rank=1 if column_key(column) in _KINDS[0][0] else 2)
        for column, field in overrides.items()
    ]
    taken = {column.index for column in mapped}
    known = {column_key(word): field for field, words in SYNONYMS.items() for word in words}
    if "last_name" not in {known.get(key) for key in keys}:
        known["이름"] = "name"  # a Korean sheet's 이름 is the whole name; beside 성 (Outlook's), the given name
    if "birthmonth" in keys:
        known["birthday"] = "birth_day"  # Thunderbird's "Birth Day", beside its "Birth Month"
    have = {column.field for column in mapped}
    guessed = []
    for index, key in enumerate(keys):
        column = None if index in taken else _guess(index, key, keys, known)
        if column is None or (column.field in have and column.field not in MANY):
            continue
        have.add(column.field)
        guessed.append(column)
    columns = mapped + guessed
    fields = {column.field for column in columns}
    if not fields & {"name", "first_name", "last_name"}:
        raise InvalidInput(
            _("no name column among {headers}; say which with --map COLUMN=name").format(headers=", ".join(headers))
        )
    return columns


def _guess(index: int, key: str, keys: list[str], known: dict[str, str]) -> Column | None:
    numbered = _NUMBERED.match(key)
    if numbered:
        kind, number, part = numbered.groups()
        if part != "value":
            return None
        for suffix in ("type", "label"):
            if f"{kind}{number}{suffix}" in keys:
                return Column(index, kind, kind=keys.index(f"{kind}{number}{suffix}"))
        return Column(index, kind)
    for names, field, rank in _KINDS:
        if key in names:
            return Column(index, field, rank=rank)
    if key in known:
        return Column(index, known[key], rank=0 if known[key] == "email" else 2)
    return None


def _rank(column: Column, cells: list[str]) -> int:
    if column.kind is None or column.kind >= len(cells):
        return column.rank
    kind = cells[column.kind].strip().casefold()
    if kind.startswith("*") or "pref" in kind:
        return 0
    if column.field == "phone" and any(word in kind for word in _MOBILE_WORDS):
        return 1
    return column.rank


def _contact(columns: list[Column], cells: list[str]) -> Contact:
    values: dict[str, list[tuple[int, int, str]]] = {}
    for order, column in enumerate(columns):
        if column.index < len(cells) and cells[column.index].strip():
            cell = restore(cells[column.index])  # a quote our own CSV export put before a formula-like cell
            for value in split_values(cell) if column.field in ("phone", "email", "tags") else [cell]:
                values.setdefault(column.field, []).append((_rank(column, cells), order, value))

    def all_of(field: str) -> tuple[str, ...]:
        return tuple(value for _rank_, _order, value in sorted(values.get(field, ())))

    def one(field: str) -> str:  # several columns of one field (name parts mapped to name) in the order mapped
        return " ".join(value for _rank_, _order, value in values.get(field, ()))

    tags = tuple(tag for cell in all_of("tags") for tag in re.split(r"[;,]", cell))
    return Contact(
        name=one("name"),
        given=one("first_name"),
        middle=one("middle_name"),
        family=one("last_name"),
        honorific=one("honorific"),
        company=one("company"),
        playbook=one("playbook"),
        phones=all_of("phone"),
        emails=all_of("email"),
        city=one("city"),
        tier=one("tier"),
        tags=tags,
        notes=all_of("note"),
        birthday=one("birthday"),
        birth_parts=(one("birth_year"), one("birth_month"), one("birth_day")),
    )


_LINE_END = re.compile(r"\r\n|\r|\n")


def physical_lines(text: str) -> list[str]:
    """The file's lines, each with what ended it (``\\r\\n``, ``\\r`` or ``\\n``, even mixed), so a line break
    inside a quoted cell stays the one the cell holds (a CR in a name comes back a CR)."""
    lines = [match.group(0) for match in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text)]
    return lines or [""]


def line_count(source: str) -> int:
    """How many physical lines a record's source spans."""
    return max(1, len(_LINE_END.findall(source)))


def records(lines: list[str], delimiter: str, start: int = 0, width: int | None = None) -> Iterator[Record]:
    """Each record of the file from line ``start`` (counted from 0): its cells, or the reason it is no row.

    Strict quoting makes a stray quote an error rather than a cell that swallows the rest of the file, and so
    does a record running over several lines with more or fewer cells than the header (``width``): after a
    bad record, reading starts again on the line after its first.
    """
    while start < len(lines):
        reader = csv.reader((lines[i] for i in range(start, len(lines))), delimiter=delimiter, strict=True)
        consumed = 0
        try:
            for cells in reader:
                first, consumed = start + consumed, reader.line_num
                source = "".join(lines[first : start + consumed])
                if width is not None and start + consumed - first > 1 and len(cells) != width:
                    yield Record(first, _("a quote opens a cell that does not close where it should"), lines[first])
                    start = first + 1
                    break
                yield Record(first, cells, source)
            else:
                return
        except csv.Error as error:
            first = start + consumed
            yield Record(first, _("not a row: {error}").format(error=_csv_problem(error)), lines[first])
            start = first + 1


def _csv_problem(error: csv.Error) -> str:
    text = str(error)
    if "field larger" in text:
        return _("a cell is longer than {limit:,} characters").format(limit=MAX_CELL)
    if "expected" in text or "end of data" in text:
        return _("a quote opens a cell that does not close where it should")
    return text


def delimiter_of(header: str) -> str:
    """The delimiter the header line uses most, outside quotes (comma when it has none)."""
    bare = re.sub(r'"[^"]*"', "", header)
    counts = {delimiter: bare.count(delimiter) for delimiter in ",;\t|"}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def read_csv(text: str, overrides: dict[str, str], today_text: str) -> list[Row | Problem]:
    lines = physical_lines(text.removeprefix("\ufeff"))
    if not any(line.strip() for line in lines):
        raise InvalidInput(_("the file is empty"))
    header = next(records(lines, delimiter_of(lines[0])))
    if isinstance(header.cells, str):
        raise InvalidInput(_("line {line}: {reason}").format(line=header.first + 1, reason=header.cells))
    headers = header.cells
    columns = guess_columns(headers, overrides)
    width = len(headers)
    found = [
        record
        for record in records(lines, delimiter_of(lines[0]), header.first + line_count(header.source), width)
        if isinstance(record.cells, str) or any(cell.strip() for cell in record.cells)
    ]
    birthdays = [
        record.cells[column.index]
        for record in found
        for column in columns
        if column.field == "birthday" and not isinstance(record.cells, str) and column.index < len(record.cells)
    ]
    day_first = day_first_order(birthdays)
    rows: list[Row | Problem] = []
    for record in found:
        source = record.source.rstrip("\n")
        if isinstance(record.cells, str):
            rows.append(Problem(record.first + 1, record.cells, source))
        else:
            rows.append(contact_row(record.first + 1, _contact(columns, record.cells), source, today_text, day_first))
    return rows
