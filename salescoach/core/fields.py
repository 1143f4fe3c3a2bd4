"""One rule per field, for every way a value comes in: a flag, a prompt, a debrief file, an export, a CSV row, a
vCard, ``config set``. Each function takes what was given, returns the value to store, or raises
:class:`~salescoach.errors.FieldError`, so what one way in accepts every other accepts too, and an export of the
book always imports again.

The rules carry facts, not sentences (:class:`~salescoach.errors.FieldError` words them in the rep's language);
dates have their own module, :mod:`salescoach.core.dates`.
"""

from __future__ import annotations

import math

from salescoach.errors import FieldError

MAX_TEXT = 2_000_000
"""No single text may exceed this many characters: a guard against a pasted file, not a limit a rep meets."""
MAX_ID = 2**63 - 1
"""The largest integer SQLite stores: no id, count or limit may be larger."""
MAX_AMOUNT = 10**15
"""The largest sale amount: far beyond any deal, and small enough that a book's sums stay finite and exact."""
MAX_YEARS = 80
"""The most years a rep can have been in the job."""


def text(value: str | None, field: str, required: bool = False) -> str | None:
    """Free text, stored exactly as given: not empty or blank when required, no NUL (SQLite and C strings end
    there), no lone surrogates (invalid UTF-8 that Python smuggled in; it cannot be stored or printed), not
    absurdly long. An empty text is None."""
    if value is None or value == "":
        if required:
            raise FieldError(field, "empty")
        return None
    if not isinstance(value, str):
        raise FieldError(field, "not_text")
    if required and not value.strip():
        raise FieldError(field, "blank")
    if len(value) > MAX_TEXT:
        raise FieldError(field, "too_long", limit=MAX_TEXT)
    if "\x00" in value:
        raise FieldError(field, "nul")
    if not _encodes(value):
        raise FieldError(field, "not_utf8")
    return value


def _encodes(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def whole_number(value: object, field: str, low: int = 0, high: int = MAX_ID) -> int:
    """A whole number between ``low`` and ``high``, given as an int or as ASCII digits (``²`` and ``٣`` are digits
    to Python, not to a rep). Its length is checked before it is converted, so 5,000 digits cost nothing."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise FieldError(field, "not_whole")
    if isinstance(value, str):
        digits = value.strip()
        sign = -1 if digits.startswith("-") else 1
        digits = digits.removeprefix("-").removeprefix("+")
        if not (digits.isascii() and digits.isdigit()):
            raise FieldError(field, "not_whole")
        if len(digits.lstrip("0")) > len(str(max(abs(low), abs(high)))):
            raise FieldError(field, "range", low=low, high=high)
        value = sign * int(digits)
    if not low <= value <= high:
        raise FieldError(field, "range", low=low, high=high)
    return value


def record_id(reference: str) -> int | None:
    """The id a reference names (``12``), or None when it is not one: a name, ``²``, or more digits than an id
    can have."""
    reference = reference.strip()
    if not (reference.isascii() and reference.isdigit()):
        return None
    try:
        return whole_number(reference, "id", 1)
    except FieldError:
        return None


def amount(value: object, field: str = "amount") -> float:
    """A sale amount: a finite number from 0 to :data:`MAX_AMOUNT` (``1e308`` would make every sum infinite)."""
    if isinstance(value, bool):
        raise FieldError(field, "not_number")
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        raise FieldError(field, "not_number") from None
    if not math.isfinite(number):
        raise FieldError(field, "not_number")
    if not 0 <= number <= MAX_AMOUNT:
        raise FieldError(field, "range", low=0, high=f"{MAX_AMOUNT:,}")
    return number


def email(value: str | None, field: str = "email") -> str | None:
    """An e-mail address: text with an ``@`` between something and something (the import refuses the rest, so
    ``customer add`` must too, or the book's own export would not import)."""
    found = text(value, field)
    if found is None:
        return None
    local, at, domain = found.strip().rpartition("@")
    if not (at and local and domain):
        raise FieldError(field, "no_at", value=found)
    return found


def phone(value: str | None, field: str = "phone") -> str | None:
    """A phone number as the rep writes it (``010-1234-5678``, ``+82 2 555 0100 ext. 3``): text with a digit."""
    found = text(value, field)
    if found is not None and not any(character.isdigit() for character in found):
        raise FieldError(field, "no_digit", value=found)
    return found


def database_url(value: str | None, field: str = "database.url") -> str | None:
    """A team database as libpq reads it: ``postgresql://[user@][host][:port]/database[?service=...]``. Never a
    password: it would sit in a config file or the shell's history; libpq takes it from ``PGPASSWORD``,
    ``~/.pgpass`` or a service file instead."""
    from urllib.parse import unquote, urlsplit

    found = text(value, field)
    if found is None:
        return None
    scheme, _separator, _rest = found.partition("://")
    if scheme not in ("postgresql", "postgres"):
        raise FieldError(field, "not_postgres", value=found)
    try:
        parts = urlsplit(found)
        password = parts.password
    except ValueError:
        raise FieldError(field, "not_postgres", value=found) from None
    # libpq decodes a parameter's name as it decodes its value: ``pass%77ord=`` is the password too
    names = {unquote(parameter.partition("=")[0]) for parameter in parts.query.split("&")}
    if password is not None or "password" in names:
        raise FieldError(field, "password")
    return found


def years(value: object, field: str = "years") -> int:
    """Years in the job: 0 to :data:`MAX_YEARS`."""
    return whole_number(value, field, 0, MAX_YEARS)


MAX_ROLE = 63
"""The longest name PostgreSQL keeps whole: a longer one it would cut short without a word."""
RESERVED_ROLES = frozenset({"public", "none", "current_user", "current_role", "session_user", "user"})
"""Names PostgreSQL reserves or reads as keywords where a role goes (``pg_`` names are the server's own too)."""


def role_name(value: str | None, field: str = "NAME") -> str:
    """A rep's or manager's login role on the team server, as every ``team`` command takes it: lowercase ASCII
    letters, digits and ``_``, starting with a letter, at most :data:`MAX_ROLE` characters, none of the server's
    own names. So it needs no quoting in a URL, a shell or ``psql``, and means the same role wherever it is typed
    (PostgreSQL folds an unquoted ``Alice`` to ``alice``)."""
    found = text(value, field, required=True)
    assert found is not None  # required
    if len(found) > MAX_ROLE:
        raise FieldError(field, "too_long", limit=MAX_ROLE)
    allowed = found.isascii() and all(letter.islower() or letter.isdigit() or letter == "_" for letter in found)
    if not (allowed and found[0].isalpha()):
        raise FieldError(field, "not_role", value=found)
    if found in RESERVED_ROLES or found.startswith("pg_"):
        raise FieldError(field, "reserved_role", value=found)
    return found
