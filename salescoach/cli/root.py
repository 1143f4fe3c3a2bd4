"""The root of the command line: one Typer app, each command group in its own module, registered here and nowhere
else; the rules every command line meets are in :mod:`salescoach.cli.rules`.

Command modules import only Typer at load time; use cases, the store, playbooks and Rich are imported inside the
commands that need them. :func:`run` goes one step further: when the command line names a command, only that
command's module is loaded and registered, so ``salescoach followup`` does not pay for building the other twenty.
Command modules do not use ``from __future__ import annotations``: Typer reads every parameter's annotation, and
as strings it must ``eval`` each one, which made ``salescoach --help`` 50 ms slower.
"""

import importlib
from typing import Annotated

import typer
from typer.core import TyperGroup

from salescoach.cli.context import commits, stopped
from salescoach.cli.rules import fit_params, globals_first, refuse_invalid_text

COMMANDS = {
    "prep": "prep",
    "debrief": "debrief",
    "followup": "followup",
    "history": "history",
    "customer": "customer",
    "profile": "profile",
    "playbook": "playbook",
    "paths": "paths",
    "config": "config",
    "backup": "backup",
    "restore": "backup",
    "stats": "stats",
    "coach": "coach",
    "drill": "drill",
    "check": "check",
    "import": "exchange",
    "export": "exchange",
    "demo": "demo",
    "team": "team",
}
"""Command name → the module (in ``salescoach.cli``) that registers it, in the order ``--help`` lists them."""

HELP = "A sales coach for field reps: prep before a meeting, debrief after it, follow up every morning."


def root(
    ctx: typer.Context,
    lang: Annotated[str | None, typer.Option("--lang", help="Interface and playbook language: en or ko.")] = None,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    """A sales coach for field reps: prep before a meeting, debrief after it, follow up every morning.

    Data lives in $SALESCOACH_HOME (or your platform's data folder): `salescoach paths` shows where.
    """
    if version:
        from salescoach import __version__

        typer.echo(__version__)
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()
    ctx.obj = {"lang": lang}


class InOrder(TyperGroup):
    """The root command: lists commands in the order of :data:`COMMANDS`, the daily three first (Click puts groups
    last), and holds the rules every command line meets before any command runs."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        fit_params(self)

    def list_commands(self, ctx) -> list[str]:
        return sorted(self.commands, key=list(COMMANDS).index)

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        refuse_invalid_text(args)
        return super().parse_args(ctx, globals_first(self, args))

    def make_context(self, *args, **kwargs):
        """A Ctrl-C while the line is parsed is the one line a Ctrl-C is anywhere else (Typer exits 130 silently):
        no command has run, so nothing was saved."""
        try:
            return super().make_context(*args, **kwargs)
        except KeyboardInterrupt as error:
            raise stopped(error) from None

    def invoke(self, ctx):
        """The same for a Ctrl-C between the parsing and the command's own handler (:func:`clean_errors`), or
        after it, which says whether this process saved anything."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as error:
            raise stopped(error, saved=commits() > 0) from None


def build(only: str | None = None) -> typer.Typer:
    """The app with every command, or with just the module that registers ``only``."""
    app = typer.Typer(
        cls=InOrder,
        name="salescoach",
        help=HELP,
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,  # plain help: Typer's Rich help formatter imports a Markdown parser (~60 ms)
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback(invoke_without_command=True)(root)
    modules = [COMMANDS[only]] if only else list(dict.fromkeys(COMMANDS.values()))
    for module in modules:
        importlib.import_module(f"salescoach.cli.{module}").register(app)
    return app


HELP_OPTION = "Show this message and exit."
"""The help text Click gives every command's ``--help`` option (which it makes only when help is shown)."""


def help_texts(command) -> list[str]:
    """Every help text of a Click command tree, in order (the message catalogue translates them)."""
    texts = [text for text in (command.help, command.short_help) if text]
    texts += [param.help for param in command.params if getattr(param, "help", None)]
    for sub in getattr(command, "commands", {}).values():
        texts += help_texts(sub)
    return list(dict.fromkeys([*texts, HELP_OPTION]))


def translate_help(command) -> None:
    """Replace a Click command tree's help texts with their translations in the current language."""
    from salescoach.i18n import _

    command.help = _(command.help) if command.help else command.help
    command.short_help = _(command.short_help) if command.short_help else command.short_help
    for param in command.params:
        if getattr(param, "help", None):
            param.help = _(param.help)
    make_help_option = command.get_help_option

    def translated_help_option(ctx):
        option = make_help_option(ctx)
        if option is not None and option.help == HELP_OPTION:
            option.help = _(HELP_OPTION)
        return option

    command.get_help_option = translated_help_option
    for sub in getattr(command, "commands", {}).values():
        translate_help(sub)


def _wants_help(arguments: list[str]) -> bool:
    """Help is asked for, or shown because no command is named (``salescoach --lang ko``)."""
    if not arguments or "--help" in arguments or "-h" in arguments:
        return True
    rest = iter(arguments)
    for argument in rest:
        if argument == "--lang":
            next(rest, None)
        elif not argument.startswith("--lang="):
            return False
    return True


def _help_language(arguments: list[str]) -> str:
    """The language help should be shown in (the same order of choice as every command uses)."""
    from salescoach import settings
    from salescoach.paths import locations

    flag = None
    for index, argument in enumerate(arguments):
        if argument == "--lang" and index + 1 < len(arguments):
            flag = arguments[index + 1]
        elif argument.startswith("--lang="):
            flag = argument.partition("=")[2]
    try:
        return settings.choose_language(flag, settings.read(locations().config))
    except Exception:  # noqa: BLE001 - a bad --lang or settings file is reported by the command itself
        return "en"


def invoked_command(arguments: list[str]) -> str | None:
    """The command named on a command line (skipping root options), if it is one we know."""
    skip = False
    for argument in arguments:
        if skip:
            skip = False
        elif argument == "--lang":
            skip = True
        elif not argument.startswith("-"):
            return argument if argument in COMMANDS else None
    return None


def run(arguments: list[str]) -> None:
    """Run one command line (help in the rep's language)."""
    app = build(invoked_command(arguments))
    if _wants_help(arguments):
        language = _help_language(arguments)
        if language != "en":
            import typer.main

            from salescoach.i18n import use_language

            use_language(language)
            command = typer.main.get_command(app)
            translate_help(command)
            command(args=arguments, prog_name="salescoach")
            return
    app()
