"""What every use case needs: where the data is, which language, and what day it is."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import NamedTuple

from salescoach import settings
from salescoach.errors import InvalidInput, NotFound
from salescoach.paths import Locations, locations

TODAY_ENV = "SALESCOACH_TODAY"


class App(NamedTuple):
    where: Locations
    language: str
    today: date
    default_playbook: str | None = None

    @classmethod
    def from_environment(cls, language: str | None = None) -> App:
        """Settings in force (see :mod:`salescoach.settings` for how the language is chosen).

        ``SALESCOACH_TODAY`` (an ISO date) pretends today is another day: for planning ahead, and for tests that
        play several days of a rep's life.
        """
        today = date.today()
        pretend = os.environ.get(TODAY_ENV)
        if pretend:
            from salescoach.core.dates import DateError, parse_day

            try:  # the one date rule: a date from 1900 to 2999
                today = parse_day(pretend, today)
            except DateError:  # English: the interface language is not chosen yet
                raise InvalidInput(f"{TODAY_ENV} must be a date from 1900 to 2999, not {pretend!r}") from None
        where = locations()
        config = settings.read(where.config)
        return cls(
            where=where,
            language=settings.choose_language(language, config),
            today=today,
            default_playbook=config.get("playbook"),
        )

    @contextmanager
    def store(self) -> Iterator:
        from salescoach.store import opened

        with opened(self.where) as store:
            yield store

    def playbook(self, name: str | None) -> dict:
        """A validated playbook's data (cached), in this app's language."""
        from salescoach.playbook.loader import DEFAULT_PLAYBOOK, load

        return load(name or self.default_playbook or DEFAULT_PLAYBOOK, self.language, self.where)

    def customer_playbook(self, name: str | None, broken_too: bool = True) -> PlaybookChoice:
        """A customer's playbook, or the default one standing in for it.

        A customer can name a playbook this machine lacks (a user playbook since deleted, a book imported from a
        colleague) or one that no longer loads (a user file with a mistake, or extending one that is gone). The
        rep's day must not stop at that customer: their follow-ups and debriefs go on with the default. Prep
        passes ``broken_too=False``: a broken playbook is then an error naming file, line and field, to be fixed,
        while a missing one is said in the brief's header.
        """
        from salescoach.playbook.loader import find_source

        try:
            return PlaybookChoice(self.playbook(name))
        except (NotFound, InvalidInput, OSError) as error:
            if not name:
                raise
            try:
                find_source(name, self.language, self.where)
            except NotFound:
                return PlaybookChoice(self.playbook(None), missing=name)
            if not broken_too:
                raise
            return PlaybookChoice(self.playbook(None), broken=name, problem=str(error).split("\n")[0])


class PlaybookChoice(NamedTuple):
    """The playbook a customer is coached with, and why, when it is the default standing in for theirs."""

    data: dict
    missing: str | None = None  # their playbook is not installed here
    broken: str | None = None  # their playbook is installed but does not load
    problem: str | None = None  # the first line of what is wrong with it
