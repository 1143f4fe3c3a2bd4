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
