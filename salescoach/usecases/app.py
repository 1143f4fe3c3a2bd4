"""What every use case needs: where the data is, which language, and what day it is."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from salescoach.errors import InvalidInput
from salescoach.paths import Locations, locations

TODAY_ENV = "SALESCOACH_TODAY"
LANG_ENV = "SALESCOACH_LANG"


@dataclass(frozen=True)
class App:
    where: Locations
    language: str
    today: date

    @classmethod
    def from_environment(cls, language: str | None = None) -> App:
        """Settings in force: ``--lang``, then ``SALESCOACH_LANG``, then English.

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
        chosen = language or os.environ.get(LANG_ENV) or "en"
        if chosen not in ("en", "ko"):
            raise InvalidInput(f"unknown language {chosen!r}: use en or ko")
        return cls(where=locations(), language=chosen, today=today)

    @contextmanager
    def store(self) -> Iterator:
        from salescoach.store import opened

        with opened(self.where) as store:
            yield store

    def playbook(self, name: str | None) -> dict:
        """A validated playbook's data (cached), in this app's language."""
        from salescoach.playbook.loader import DEFAULT_PLAYBOOK, load

        return load(name or DEFAULT_PLAYBOOK, self.language, self.where)
