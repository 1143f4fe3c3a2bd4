"""What each command gets: the app settings, and one place that turns failures into clean one-line errors."""

import functools
import os
import sys
from collections.abc import Callable
from typing import TypeVar

import typer

from salescoach.errors import EXIT_INTERRUPTED, EXIT_RUNTIME, SalescoachError

F = TypeVar("F", bound=Callable)


def current_app(ctx: typer.Context):
    """The :class:`~salescoach.usecases.app.App` for this run, built once from ``--lang`` and the environment."""
    root = ctx.find_root()
    if not isinstance(root.obj, dict):
        root.obj = {}
    if "app" not in root.obj:
        from salescoach.i18n import use_language
        from salescoach.usecases.app import App

        app = App.from_environment(root.obj.get("lang"))
        use_language(app.language)
        root.obj["app"] = app
    return root.obj["app"]


def fail(message: str, hint: str | None, code: int) -> typer.Exit:
    from salescoach.render.output import error_line

    sys.stderr.write(error_line(message, hint) + "\n")
    return typer.Exit(code)


def clean_errors(command: F) -> F:
    """Run a command, printing expected failures as one line (plus hint) with their exit code, never a traceback.

    Ctrl-C exits 130 and end of input exits 1; both say that nothing was saved, which is true because every
    command writes in one transaction at its end; a Ctrl-C after that commit (while the store closes or the
    result prints) says the changes were saved. A file or folder the system refuses is exit 1 too.
    """

    @functools.wraps(command)
    def run(*args, **kwargs):
        saved_before = commits()
        try:
            result = command(*args, **kwargs)
            sys.stdout.flush()  # here, so a reader that stopped early (`| head`) is met below
            return result
        except BrokenPipeError:  # the reader has what it wanted: stop quietly, and quietly at exit too
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0) from None
        except SalescoachError as error:
            raise fail(error.message, error.hint, error.exit_code) from None
        except (KeyboardInterrupt, EOFError, typer.Abort) as error:
            raise stopped(error, saved=commits() > saved_before) from None
        except OSError as error:  # the machine refused (permissions, a full disk): a runtime failure, in one line
            where = f"{error.filename}: " if error.filename else ""
            raise fail(f"{where}{error.strerror or error}", None, EXIT_RUNTIME) from None

    return run  # type: ignore[return-value]


def commits() -> int:
    """Transactions this process has committed so far (none if it never opened the store)."""
    store = sys.modules.get("salescoach.store.connection")
    return store.commits if store else 0


def stopped(error: BaseException, saved: bool = False) -> typer.Exit:
    """Ctrl-C is exit 130, end of input exit 1, each in one line. A yes/no question (Click's ``confirm``) turns
    both into ``Abort``, which would print a bare "Aborted!": what it caught is the ``Abort``'s context."""
    from salescoach.i18n import _

    cause = error.__context__ if isinstance(error, typer.Abort) else error
    if isinstance(cause, KeyboardInterrupt) and saved:  # after the commit: closing the store, or printing
        return fail(_("interrupted after the changes were saved"), None, EXIT_INTERRUPTED)
    if isinstance(cause, KeyboardInterrupt):
        return fail(_("interrupted; nothing was saved"), None, EXIT_INTERRUPTED)
    return fail(_("input ended before the answers were complete; nothing was saved"), None, EXIT_RUNTIME)
