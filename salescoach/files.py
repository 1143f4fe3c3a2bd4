"""The one way salescoach writes a file: owner-only, atomic, and never through a symbolic link.

Every file salescoach writes may hold customer data (an export, a calendar, rejected import rows, the playbook
cache, the settings), so every writer goes through :func:`write_private`:

- the text goes to a new temporary file in the target's folder, which :func:`tempfile.mkstemp` creates 0600
  whatever the umask (a umask only takes permissions away), flushed and fsynced, then renamed over the target
  with :func:`os.replace` (and the folder synced, so the rename lasts). A reader sees the old file or the new
  one, never half of one; an interrupted or failed write leaves the old file as it was and no temporary file
  behind;
- the new file is 0600 even when it replaces a file others could read (a rename puts a new inode in place, it
  does not inherit the old file's mode);
- a target that is a symbolic link is refused (exit 1, like any file the system will not let us write): writing
  through it would put customer data wherever the link points, and replacing the link would silently break
  whatever it was for. The link and its target are left untouched. So is anything else that is not a regular
  file (a folder, ``/dev/null``, a pipe): renaming over it would replace it, which is never what was meant.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from salescoach.errors import SalescoachError


class UnsafeTarget(SalescoachError):
    """A file salescoach was asked to write is a symbolic link, or not a regular file (exit 1)."""


def write_private(path: Path | str, content: str | bytes) -> None:
    """Replace (or create) ``path`` with ``content`` (text is written as UTF-8), owner-only and atomically."""
    import tempfile

    path = Path(path)
    _check_target(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:  # a missing or read-only folder: say so of the file asked for, not of our temporary
        raise OSError(error.errno, error.strerror, str(path)) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(error, OSError):  # a full disk: the same
            raise OSError(error.errno, error.strerror, str(path)) from None
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself survive a power cut (POSIX; a folder some file systems cannot sync is let be)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _check_target(path: Path) -> None:
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    from salescoach.i18n import _

    if stat.S_ISLNK(mode):
        raise UnsafeTarget(_("{path} is a symbolic link; salescoach does not write through links").format(path=path))
    if not stat.S_ISREG(mode):
        raise UnsafeTarget(_("{path} is not a regular file; salescoach writes only regular files").format(path=path))
