"""Contacts from phones and mail programs: vCard 2.1, 3.0 and 4.0 as they are really written.

Read here rather than through a library, because phones write what the standards do not: quoted-printable
values in a ``CHARSET`` of their own (Japanese feature phones: Shift_JIS), an unescaped comma in ``ORG``, cards
with only ``N`` (Android), base64 photo blocks whose lines are not folded, text before the first card. A card
that is wrong is a bad row reported by the line its ``BEGIN:VCARD`` is on, and the other cards still come in.
Nothing of a card is echoed to the terminal.
"""

from __future__ import annotations

import quopri
import re
from typing import NamedTuple

from salescoach.errors import InvalidInput
from salescoach.i18n import _
from salescoach.usecases.import_fields import Contact, Problem, Row, contact_row
from salescoach.usecases.import_text import encoding_of

_PROPERTY = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$", re.DOTALL)
_BASE64 = re.compile(r"^[A-Za-z0-9+/]+=*\s*$")
_WANTED = {"VERSION", "FN", "N", "ORG", "TEL", "EMAIL", "NOTE", "TITLE", "BDAY", "CATEGORIES", "ADR", "NICKNAME"}


class Property(NamedTuple):
    name: str
    params: dict[str, list[str]]  # upper-cased names; bare 2.1 parameters (``TEL;CELL``) are TYPE values
    value: str


def read_vcf(raw: bytes, today_text: str) -> list[Row | Problem]:
    """Every card of a vCard file, as rows; a file with no card at all is refused."""
    text, encoding = _text(raw)
    rows: list[Row | Problem] = []
    card: list[tuple[int, str]] | None = None
    begin = 0
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), 1):
        bare = line.strip().upper()
        if bare == "BEGIN:VCARD":
            if card is not None:
                rows.append(Problem(begin, _("card has no END:VCARD"), _source(card)))
            card, begin = [], number
        elif card is None:
            continue  # text around the cards (a mail's header, a stray line) is no part of any
        elif bare == "END:VCARD":
            rows.append(_card_row(begin, card, encoding, today_text))
            card = None
        else:
            card.append((number, line))
    if card is not None:
        rows.append(Problem(begin, _("card has no END:VCARD"), _source(card)))
    if not rows:
        raise InvalidInput(_("not a vCard file: no BEGIN:VCARD line"))
    return rows


def _text(raw: bytes) -> tuple[str, str]:
    """The file as text in which every byte stands for itself (so a value's ``CHARSET`` can decode it), and
    the encoding values without one are in. UTF-16 files are turned into UTF-8 first."""
    encoding = encoding_of(raw) or "utf-8"
    if encoding.startswith("utf-16"):
        raw = raw.decode(encoding).encode("utf-8")
        encoding = "utf-8"
    return raw.decode("latin-1").removeprefix("\xef\xbb\xbf"), encoding


def _source(card: list[tuple[int, str]]) -> str:
    return "\n".join(["BEGIN:VCARD", *(line for _number, line in card), "END:VCARD"])


def _unfold(card: list[tuple[int, str]]) -> list[str]:
    """A card's logical lines: folded lines joined, quoted-printable soft breaks joined, and the unfolded
    base64 lines some phones write under a PHOTO taken as part of it."""
    logical: list[str] = []
    for _number, line in card:
        if logical and line[:1] in (" ", "\t"):
            logical[-1] += line[1:]
        elif logical and logical[-1].endswith("=") and "QUOTED-PRINTABLE" in logical[-1].split(":", 1)[0].upper():
            logical[-1] = logical[-1][:-1] + line
        elif logical and _BASE64.match(line):
            logical[-1] += line.strip()  # a photo's base64 lines, which some phones do not fold
        elif line.strip():
            logical.append(line)
    return logical


def _property(line: str) -> Property | None:
    match = _PROPERTY.match(line)
    if not match:
        return None
    name, raw_params, value = match.groups()
    params: dict[str, list[str]] = {}
    for param in _split(raw_params[1:], ";") if raw_params else []:
        key, sep, values = param.partition("=")
        key, values = (key.strip().upper(), values) if sep else ("TYPE", key)
        params.setdefault(key, []).extend(v.strip().strip('"').upper() for v in values.split(","))
    return Property(name.upper(), params, value)


def _split(text: str, separator: str) -> list[str]:
    """``text`` split on ``separator`` where it is not escaped with a backslash."""
    parts, current, escaped = [], "", False
    for char in text:
        if escaped:
            current += "\\" + char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == separator:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current + ("\\" if escaped else ""))
    return parts


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text, flags=re.DOTALL)


class _Values(NamedTuple):
    """How one card's values are read: its file's encoding, and its version's escaping (2.1 escapes only the
    semicolons of a structured value; 3.0 and 4.0 escape with backslashes throughout)."""

    encoding: str
    old: bool

    def text(self, prop: Property) -> str:
        value = _decoded(prop, self.encoding)
        return (value if self.old else _unescape(value)).strip()

    def parts(self, prop: Property, separator: str = ";") -> list[str]:
        split = _split(_decoded(prop, self.encoding), separator)
        return [(part.replace("\\;", ";") if self.old else _unescape(part)).strip() for part in split]


def _decoded(prop: Property, encoding: str) -> str:
    """The value as text: quoted-printable undone, then its bytes read in the ``CHARSET`` it names (or the
    file's); an unknown charset falls back to the file's."""
    data = prop.value.encode("latin-1")
    if "QUOTED-PRINTABLE" in prop.params.get("ENCODING", ()) or "QUOTED-PRINTABLE" in prop.params.get("TYPE", ()):
        data = quopri.decodestring(data)
    for charset in (*prop.params.get("CHARSET", ()), encoding, "utf-8", "cp949", "shift_jis"):
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


def _types(prop: Property) -> set[str]:
    return set(prop.params.get("TYPE", ())) | ({"PREF"} if "PREF" in prop.params else set())


def _ranked(props: list[Property], values: _Values, mobile: bool) -> tuple[str, ...]:
    """Phone numbers or e-mail addresses, preferred first, then (phones) mobile, in the card's order."""

    def rank(prop: Property) -> int:
        types = _types(prop)
        if "PREF" in types:
            return 0
        if mobile and types & {"FAX", "PAGER"}:
            return 3
        return 1 if mobile and types & {"CELL", "MOBILE", "IPHONE"} else 2

    ordered = sorted(enumerate(props), key=lambda item: (rank(item[1]), item[0]))
    texts = (values.text(prop) for _index, prop in ordered)
    return tuple(re.sub(r"^(?:tel|mailto):", "", text, flags=re.IGNORECASE) for text in texts)  # 4.0's URIs


def _card_row(begin: int, card: list[tuple[int, str]], encoding: str, today_text: str) -> Row | Problem:
    props: dict[str, list[Property]] = {}
    for line in _unfold(card):
        prop = _property(line)
        if prop is not None and prop.name in _WANTED:
            props.setdefault(prop.name, []).append(prop)
    source = _source(card)
    version = props["VERSION"][0].value.strip() if "VERSION" in props else "3.0"
    values = _Values(encoding, old=version.startswith("2"))

    def text(name: str) -> str:
        return values.text(props[name][0]) if name in props else ""

    def parts(name: str, count: int) -> list[str]:
        found = values.parts(props[name][0]) if name in props else []
        return (found + [""] * count)[:count]

    family, given, middle, prefix, _suffix = parts("N", 5)
    address = parts("ADR", 7)
    categories = values.parts(props["CATEGORIES"][0], ",") if "CATEGORIES" in props else []
    spoken_birthday = ()  # a birthday in words (4.0's VALUE=text: "circa 1800") is kept as a note, not a date
    if "BDAY" in props and "TEXT" in props["BDAY"][0].params.get("VALUE", ()):
        spoken_birthday = (_("birthday: {text}").format(text=text("BDAY")),)
    contact = Contact(
        name=text("FN") or (text("NICKNAME") if not (family or given) else ""),
        given=given,
        middle=middle,
        family=family,
        honorific=prefix or text("TITLE"),
        company=", ".join(part for part in parts("ORG", 9) if part),
        phones=_ranked(props.get("TEL", []), values, mobile=True),
        emails=_ranked(props.get("EMAIL", []), values, mobile=False),
        city=address[3],
        tags=tuple(categories),
        notes=tuple(values.text(prop) for prop in props.get("NOTE", ())) + spoken_birthday,
        birthday="" if spoken_birthday else text("BDAY"),
    )
    if not contact.name and not family and not given and contact.company:
        contact = contact._replace(name=contact.company)  # a business card: the phone lists it by its company
    return contact_row(begin, contact, source, today_text)
