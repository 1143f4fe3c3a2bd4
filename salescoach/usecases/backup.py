"""Backups: copy the store somewhere safe, and bring a copy back without losing the current one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from salescoach.errors import InvalidInput
from salescoach.i18n import _
from salescoach.paths import ensure_private_dir
from salescoach.usecases.app import App


class BackupResult(NamedTuple):
    path: str
    customers: int


class RestoreResult(NamedTuple):
    restored_from: str
    previous_saved_to: str
    customers: int


def _stamped(app: App, label: str) -> Path:
    folder = ensure_private_dir(app.where.backups)
    return folder / f"salescoach-{label}-{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}.db"


def backup(app: App, target: Path | None) -> BackupResult:
    """Write a backup to ``target`` (a file or folder) or to the backups folder."""
    if target is not None and target.is_dir():
        target = target / _stamped(app, "backup").name
    if target is not None and (target.exists() or target.is_symlink()):
        raise InvalidInput(_("{path} exists already; choose a new file name").format(path=target))
    target = target or _stamped(app, "backup")
    with app.store() as store:
        store.backup_to(target)  # a team database refuses, pointing to pg_dump
        return BackupResult(str(target), store.count_customers())


def restore(app: App, source: Path, confirm: Callable[[int], bool]) -> RestoreResult | None:
    """Check ``source``, ask ``confirm(customers in the current book)``, then save the current book in the
    backups folder and replace it, both in one transaction; None if the rep says no.

    The whole check (on a private copy of ``source``, migrated to this version) comes before the question, so a
    wrong path or a damaged file fails at once, not after a yes, and nothing can fail half-way once the book is
    being replaced. The question is asked without holding the store, so other commands need not wait for it.
    """
    from salescoach.store.backups import staged

    with app.store() as store:
        store.restorable()
    with staged(source, ensure_private_dir(app.where.home)) as checked, app.store() as store:
        if not confirm(store.count_customers()):
            return None
        keep = _stamped(app, "before-restore")
        store.replace_book(checked, keep)
        return RestoreResult(str(source), str(keep), store.count_customers())
