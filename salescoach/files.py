"""The one way salescoach writes a file: owner-only, atomic, and never through a symbolic link.

Every file salescoach writes may hold customer data (an export, a calendar, rejected import rows, the playbook
cache, the settings), so every writer goes through :func:`write_private`:

- the text goes to a new temporary file in the target's folder, which :func:`tempfile.mkstemp` creates 0600
  whatever the umask (a umask only takes permissions away), flushed and fsynced, then renamed over the target
  with :func:`os.replace`. A reader sees the old file or the new one, never half of one; an interrupted or
  failed write leaves the old file as it was and no temporary file behind;
- the new file is 0600 even when it replaces a file others could read (a rename puts a new inode in place, it
  does not inherit the old file's mode);
- a target that is a symbolic link is refused (exit 1, like any file the system will not let us write): writing
  through it would put customer data wherever the link points, and replacing the link would silently break
  whatever it was for. The link and its target are left untouched.
"""

from __future__ import annotations

import os
from pathlib import Path

from salescoach.errors import SalescoachError


class UnsafeTarget(SalescoachError):
    """A file salescoach was asked to write is a symbolic link (exit 1)."""


def write_private(path: Path | str, content: str | bytes) -> None:
    """Replace (or create) ``path`` with ``content`` (text is written as UTF-8), owner-only and atomically."""
    path = Path(path)
    if path.is_symlink():
        from salescoach.i18n import _

        raise UnsafeTarget(_("{path} is a symbolic link; salescoach does not write through links").format(path=path))
    import tempfile

    data = content.encode("utf-8") if isinstance(content, str) else content
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
