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
            try:
                today = date.fromisoformat(pretend)
            except ValueError:
                raise InvalidInput(f"{TODAY_ENV} must be an ISO date, not {pretend!r}") from None
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

    def customer_playbook(self, name: str | None) -> tuple[dict, str | None]:
        """A customer's playbook, or the default one when ``name`` is not installed here (then also ``name``).

        A customer can name a playbook this machine lacks: a user playbook since deleted, a book imported from a
        colleague. The rep's day must not stop at that customer, so their prep, debrief and follow-ups go on with
        the default, and prep says which playbook is missing.
        """
        try:
            return self.playbook(name), None
        except NotFound:
            if not name:
                raise
            return self.playbook(None), name
