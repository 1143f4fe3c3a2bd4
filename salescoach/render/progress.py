"""The progress bar of long work (imports, the demo book)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def progress(label: str, total: int | None = None, quiet: bool = False) -> Iterator[Callable[..., None]]:
    """A bar on stderr, drawn only when stderr is a terminal; yields the ``report(done, total=None)`` callback.

    On stderr, so the data on stdout stays clean; only on a terminal, because in a pipe or a log a bar is noise
    (Rich would still leave an empty line behind). ``quiet`` (``--json``) turns it off too.
    """
    import sys

    from rich.progress import Progress

    from salescoach.render.terminal import console

    with Progress(console=console(stderr=True), transient=True, disable=quiet or not sys.stderr.isatty()) as bar:
        task = bar.add_task(label, total=total)

        def report(done: int, total: int | None = None) -> None:
            bar.update(task, completed=done, **({"total": total} if total is not None else {}))

        yield report
