"""One rule per field for contacts coming in from a spreadsheet or a phone: names, phones, e-mails, tiers, birthdays.

CSV rows and vCards are read into the same raw ``Contact`` (lists where a file may hold several values) and
checked here, so a name is put together and a birthday is read the same way whichever file it came in.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import NamedTuple

from salescoach.core import fields
from salescoach.core.dates import DateError, calendar_day
from salescoach.errors import FieldError
from salescoach.i18n import _

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
_FAMILY_FIRST = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7a3]")
_SYSTEM_GROUPS = {"mycontacts", "starred", "내주소록"}  # labels Google gives every contact, not the rep's own


class Row(NamedTuple):
    line: int
    data: dict  # a customer in the export shape; "merge" rows carry only contact fields, notes, dates and tags
    source: str  # the original text of the row, for the reject file


class Problem(NamedTuple):
    line: int
    reason: str
    source: str


class Contact(NamedTuple):
    """A contact as a file holds it, before any rule: name parts apart, every phone and e-mail, best first."""

    name: str = ""
    given: str = ""
    middle: str = ""
    family: str = ""
    honorific: str = ""
    company: str = ""
    playbook: str = ""
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    city: str = ""
    tier: str = ""
    tags: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    birthday: str = ""  # as written: 1990-05-06, --12-25, 20/01/1991, 0/0/00 ...
    birth_parts: tuple[str, str, str] = ("", "", "")  # year, month, day, as Thunderbird writes them apart


def column_key(header: str) -> str:
    """The form column names and industry words are matched in: no case, spaces or punctuation."""
    return re.sub(r"[\s_\-.():]", "", header).casefold()


def full_name(name: str, given: str, middle: str, family: str) -> str:
    """The name as it is written: family-first without a space for Korean, Japanese and Chinese names
    (이서연, 山田太郎), given-first otherwise. A display name that lacks the family name (a phone's first-name-only
    FN) gives way to the parts."""
    name, given, middle, family = (part.strip() for part in (name, given, middle, family))
    if name and (not family or family.casefold() in name.casefold()):
        return name
    if _FAMILY_FIRST.search(family + given):
        return f"{family}{given}" if family and given else family or given or name
    return " ".join(part for part in (given, middle, family) if part) or name


def split_values(text: str) -> list[str]:
    """Several values in one cell, as Google writes them (``a ::: b``)."""
    return [value.strip() for value in text.split(":::") if value.strip()]


def _unique(values, key) -> list[str]:
    seen, kept = set(), []
    for value in values:
        value = value.strip()
        if value and key(value) not in seen:
            seen.add(key(value))
            kept.append(value)
    return kept


def phone_key(phone: str) -> str:
    return re.sub(r"\D", "", phone)


def contact_row(line: int, contact: Contact, source: str, today_text: str, day_first: bool = False) -> Row | Problem:
    """Check one contact (from a CSV row or a vCard) into the export shape, or say what makes it a bad row."""
    name = full_name(contact.name, contact.given, contact.middle, contact.family)
    if not name:
        return Problem(line, _("no name"), source)
    tier = TIER_WORDS.get(contact.tier.strip().casefold())
    if tier is None:
        return Problem(line, _("tier {tier!r} is not hot, warm or general").format(tier=contact.tier), source)
    phones = _unique(contact.phones, lambda phone: phone_key(phone) or phone)
    emails = _unique(contact.emails, str.casefold)
    tags = _unique((tag.lstrip("* ") for tag in contact.tags), str.casefold)
    note = "\n".join(note.strip() for note in contact.notes if note.strip())
    try:  # the rules every way in shares (core.fields): no NUL, an @ in an e-mail, a digit in a phone
        fields.text(name, "name", required=True)
        for field, value in (("honorific", contact.honorific), ("company", contact.company), ("city", contact.city)):
            fields.text(value, field)
        for value in (note, *tags):
            fields.text(value, "note")
        for value in phones:
            fields.phone(value)
        for value in emails:
            fields.email(value)
    except FieldError as error:
        return Problem(line, str(error), source)
    data = {
        "name": name,
        "honorific": contact.honorific.strip() or None,
        "company": contact.company.strip() or None,
        "playbook": contact.playbook.strip() or None,  # resolved by the import's choice of playbooks
        "phone": phones[0] if phones else None,
        "email": emails[0] if emails else None,
        "phones": phones,
        "emails": emails,
        "city": contact.city.strip() or None,
        "tier": tier,
        "tags": [tag for tag in tags if re.sub(r"\W", "", tag.casefold()) not in _SYSTEM_GROUPS],
        "created": datetime.now().isoformat(timespec="seconds"),
        "notes": [{"kind": "other", "text": note, "noted_on": today_text}] if note else [],
        "dates": [],
    }
    written = contact.birthday.strip() or "-".join(contact.birth_parts).strip("-")
    try:
        birthday = birthday_of(contact.birthday, day_first) or birthday_from_parts(*contact.birth_parts)
    except ValueError:
        return Problem(line, _("birthday {birthday!r} is not a date").format(birthday=written), source)
    if birthday:
        year, month, day = birthday
        data["dates"].append(
            {"kind": "birthday", "month": month, "day": day, "year": year, "yearly": True, "lead_days": 3}
        )
    return Row(line, data, source)


_ISO = re.compile(r"^(\d{4})[-./]?(\d{1,2})[-./]?(\d{1,2})(?:[T ].*)?$")
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")
_NUMERIC = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{2}|\d{4})$")
_KOREAN = re.compile(r"^(?:(\d{4})\s*년\s*)?(\d{1,2})\s*월\s*(\d{1,2})\s*일$")


def birthday_of(text: str, day_first: bool = False) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a birthday as exporters write it, None for none (empty, Outlook's
    ``0/0/00``); ValueError when it is no date. ``day_first`` reads an ambiguous ``05/06/1990`` as 5 June."""
    text = text.strip()
    if not text or not text.strip("0/.- "):
        return None
    for pattern, order in ((_ISO, "ymd"), (_NO_YEAR, "md"), (_KOREAN, "ymd")):
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, match.groups()[-len(order) :], strict=True))
            return _checked(parts.get("y"), parts["m"], parts["d"])
    match = _NUMERIC.match(text)
    if not match:
        raise ValueError(text)
    first, separator, second, year = match.groups()
    if separator == "." or int(first) > 12 or (day_first and int(second) <= 12):
        first, second = second, first  # 20.01.1991 and 20/01/1991 are day first
    if len(year) == 2:
        year = str((1900 if int(year) > datetime.now().year % 100 else 2000) + int(year))
    return _checked(year, first, second)


def birthday_from_parts(year: str, month: str, day: str) -> tuple[int | None, int, int] | None:
    """A birthday written in three columns (Thunderbird's Birth Year, Birth Month, Birth Day)."""
    if not month.strip() and not day.strip():
        if year.strip():
            raise ValueError(year)
        return None
    return _checked(year.strip() or None, month.strip(), day.strip())


def day_first_order(texts) -> bool:
    """Whether a file's ambiguous numeric birthdays are day first: it is, if any of them can only be."""
    for text in texts:
        match = _NUMERIC.match(text.strip())
        if match and match.group(2) != "." and int(match.group(1)) > 12:
            return True
    return False


def _checked(year: str | None, month: str, day: str) -> tuple[int | None, int, int]:
    try:
        values = (int(year) if year else None, int(month), int(day))
        calendar_day(*values)
    except (TypeError, DateError):
        raise ValueError(f"{year}-{month}-{day}") from None
    return values
