"""The command line's entry point. The app itself is built in :mod:`salescoach.cli.root`.

This module imports nothing heavy, so :func:`main` is running before Typer is imported: a Ctrl-C in those first
100 ms is one line and exit 130, like a Ctrl-C anywhere else, not a traceback.
"""

import os
import sys

EXIT_INTERRUPTED = 130


def __getattr__(name: str):
    """``salescoach.cli.app`` (the full app, built on first use) and the root's helpers, for tests and tools."""
    import importlib

    root = importlib.import_module("salescoach.cli.root")
    if name == "app":
        globals()["app"] = built = root.build()
        return built
    try:
        return getattr(root, name)
    except AttributeError:
        raise AttributeError(name) from None


def main() -> None:
    """Console-script entry point.

    When the command is done, the process ends at once (``os._exit``) instead of tearing the interpreter down
    module by module, which took 14 ms, a tenth of ``salescoach followup``. That is safe here because every
    command has closed its store (committed or rolled back) by then and output is flushed first; an unexpected
    exception still ends the normal way, with its traceback.
    """
    try:
        from salescoach.cli.root import run

        run(sys.argv[1:])
    except SystemExit as done:
        code = done.code
    except KeyboardInterrupt:  # before a command took over (while Typer was imported, or the line parsed)
        code = _interrupted()
    else:
        code = 0
    if isinstance(code, str):  # sys.exit("message"), as Python itself would show it
        sys.stderr.write(code + "\n")
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader stopped early (`| head`): nothing more to say
        pass
    os._exit(code or 0)


def _interrupted() -> int:
    from salescoach.i18n import _

    sys.stderr.write(_("Error: {message}").format(message=_("interrupted; nothing was saved")) + "\n")
    return EXIT_INTERRUPTED
