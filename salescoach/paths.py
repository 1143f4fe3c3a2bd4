"""Where salescoach keeps the rep's data: one owner for every location.

``SALESCOACH_HOME`` moves everything (the store, user playbooks, config, cache) into one folder; otherwise the
platform's user data directory is used. Folders are created owner-only, because the store holds personal data.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

HOME_ENV = "SALESCOACH_HOME"


class Locations(NamedTuple):
    """Every path salescoach reads or writes for one data location."""

    home: Path

    @property
    def database(self) -> Path:
        return self.home / "salescoach.db"

    @property
    def playbooks(self) -> Path:
        """User playbooks: a file here with a shipped playbook's name overrides it."""
        return self.home / "playbooks"

    @property
    def config(self) -> Path:
        return self.home / "config.yaml"

    @property
    def cache(self) -> Path:
        return self.home / "cache"

    @property
    def backups(self) -> Path:
        return self.home / "backups"


def locations() -> Locations:
    """The locations in force: ``$SALESCOACH_HOME`` if set, else the platform's user data directory."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Locations(Path(override).expanduser())
    from platformdirs import user_data_path

    return Locations(user_data_path("salescoach", appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make it owner-only (0700)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if path.stat().st_mode & 0o777 != 0o700:  # no chmod when nothing changes: it fails on a read-only folder
        os.chmod(path, 0o700)
    return path
