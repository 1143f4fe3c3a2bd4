"""Errors a user can cause or meet, each carrying the exit code the command ends with.

One handler in :mod:`salescoach.cli` prints them as a single line (and a hint) on stderr: a rep never sees a
traceback for something they typed.
"""

from __future__ import annotations

EXIT_RUNTIME = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class SalescoachError(Exception):
    """Base of every expected failure: a message, an optional hint, and an exit code."""

    exit_code = EXIT_RUNTIME

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class InvalidInput(SalescoachError):
    """Something the user typed or wrote in a file is not valid (exit 2)."""

    exit_code = EXIT_USAGE


class Ambiguous(InvalidInput):
    """A name matches several customers (exit 2, with the candidates as hint)."""


class NotFound(SalescoachError):
    """A customer, follow-up or playbook does not exist (exit 1)."""


class AlreadyDone(SalescoachError):
    """A follow-up or promise that was finished before (exit 1): the book's state stops it, not what was typed."""


class StoreUnavailable(SalescoachError):
    """The store cannot be opened, read or written (exit 1)."""


class FieldError(InvalidInput):
    """A value that breaks its field's rule (:mod:`salescoach.core.fields`), exit 2.

    The rule raises it with the facts (``reason`` and its details); the words are chosen here, in the interface
    language, so the core stays free of sentences. ``problem`` is the message without the field, for validators
    that name the field themselves (a debrief file's ``promises.0.text``).
    """

    def __init__(self, field: str, reason: str, **facts: object) -> None:
        self.field = field
        self.reason = reason
        self.facts = facts
        self.problem = _field_problem(reason, facts)
        super().__init__(f"{field}: {self.problem}")


def _field_problem(reason: str, facts: dict) -> str:
    from salescoach.i18n import _

    if reason == "range":
        return _("must be from {low} to {high}").format(**facts)
    if reason == "too_long":
        return _("longer than {limit:,} characters").format(**facts)
    if reason == "no_at":
        return _("{value!r} is not an e-mail address (it has no @)").format(**facts)
    if reason == "not_postgres":
        return _("{value!r} is not a PostgreSQL address (postgresql://host/database)").format(**facts)
    if reason == "not_role":
        return _("{value!r} is not a rep's name (lowercase letters, digits and _, a letter first)").format(**facts)
    if reason == "reserved_role":
        return _("{value!r} is a name the database server keeps for itself").format(**facts)
    if reason == "no_digit":
        return _("{value!r} is not a phone number (it has no digit)").format(**facts)
    words = {
        "empty": _("must not be empty"),
        "blank": _("must not be blank"),
        "not_text": _("must be text"),
        "nul": _("contains a NUL character"),
        "not_utf8": _("is not valid UTF-8 text"),
        "not_whole": _("must be a whole number"),
        "not_number": _("must be a number"),
        "password": _("must not hold a password: put it in ~/.pgpass or PGPASSWORD"),
    }
    return words[reason]
