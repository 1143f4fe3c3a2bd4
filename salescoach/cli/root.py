"""The root of the command line: one Typer app, each command group in its own module, registered here and nowhere
else, and the rules every command shares (global options anywhere, arguments that are valid text, numbers the
store can hold).

Command modules import only Typer at load time; use cases, the store, playbooks and Rich are imported inside the
commands that need them. :func:`run` goes one step further: when the command line names a command, only that
command's module is loaded and registered, so ``salescoach followup`` does not pay for building the other twenty.
Command modules do not use ``from __future__ import annotations``: Typer reads every parameter's annotation, and
as strings it must ``eval`` each one, which made ``salescoach --help`` 50 ms slower.
"""

import importlib
import math
from typing import Annotated

import typer
from typer._click import types as click_types  # Typer (kept below 0.29) carries its own Click
from typer.core import TyperGroup

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
    "import": "exchange",
    "export": "exchange",
    "demo": "demo",
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


GLOBAL_OPTIONS = {"--lang": True, "--version": False}
"""The root's options (and whether each takes a value), which may also come after the command:
``salescoach prep lee --lang ko``."""


class InOrder(TyperGroup):
    """The root command: lists commands in the order of :data:`COMMANDS`, the daily three first (Click puts groups
    last), and holds the rules every command line meets before any command runs."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _fit_params(self)

    def list_commands(self, ctx) -> list[str]:
        return sorted(self.commands, key=list(COMMANDS).index)

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        _refuse_invalid_text(args)
        return super().parse_args(ctx, globals_first(self, args))


def _refuse_invalid_text(arguments: list[str]) -> None:
    """Every argument must be text the store and the terminal can take: a NUL cannot come from a shell, and
    invalid UTF-8 (``$'x\\xffy'``) reaches Python as lone surrogates that no file, store or terminal accepts. One
    check here, so no command meets them."""
    from salescoach.cli.context import fail
    from salescoach.core.fields import text
    from salescoach.errors import EXIT_USAGE, FieldError
    from salescoach.render.output import visible

    for argument in arguments:
        try:
            text(argument, "argument")
        except FieldError as error:
            shown = visible(argument.encode("utf-8", "backslashreplace").decode("utf-8"))
            raise fail(f"{shown}: {error.problem}", None, EXIT_USAGE) from None


def globals_first(group, arguments: list[str]) -> list[str]:
    """The command line with the root's options that came after the command moved before it, unless the
    command has an option of that name itself (``demo --lang`` picks the demo book's language)."""
    path, rest = _command_path(group, arguments)
    command = path[-1][0] if path else None
    if command is None:
        return arguments
    takes_value = {
        name: not (param.is_flag or param.count)
        for param in command.params
        if getattr(param, "opts", None) is not None and hasattr(param, "is_flag")
        for name in (*param.opts, *param.secondary_opts)
    }
    moved: list[str] = []
    kept: list[str] = []
    index = 0
    while index < len(rest):
        argument = rest[index]
        name = argument.partition("=")[0]
        if argument == "--":
            kept += rest[index:]
            break
        needs_value = name in GLOBAL_OPTIONS and GLOBAL_OPTIONS[name] and "=" not in argument
        if name in GLOBAL_OPTIONS and name not in takes_value and not (needs_value and index + 1 == len(rest)):
            moved += rest[index : index + 1 + needs_value]  # a missing value is left for the command to refuse
            index += 1 + needs_value
            continue
        kept.append(argument)
        if takes_value.get(argument):  # this option's value is never a global option, whatever it says
            kept += rest[index + 1 : index + 2]
            index += 1
        index += 1
    head = arguments[: len(arguments) - len(rest)]
    return moved + head + kept


def _command_path(group, arguments: list[str]) -> tuple[list, list[str]]:
    """The commands a command line names (a command, or a group and its command) and the arguments after them."""
    path: list = []
    current = group
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        if argument in GLOBAL_OPTIONS and GLOBAL_OPTIONS[argument] and current is group:
            index += 2
            continue
        if argument.startswith("-"):
            index += 1
            continue
        found = getattr(current, "commands", {}).get(argument)
        if found is None:
            break
        path.append((found, index))
        current = found
        index += 1
    return path, arguments[path[-1][1] + 1 :] if path else []


def _fit_params(command) -> None:
    """Rules for every parameter of every command, however many there are.

    Every whole-number option and argument stays within what the store holds (a ``--limit`` of 2**63 would
    overflow SQLite), and every decimal one is finite (``inf`` and ``nan`` are numbers to Python, not to a rep).
    Every argument is named in capitals, as in ``Usage: salescoach prep [OPTIONS] CUSTOMER`` and ``Missing
    argument 'CUSTOMER'`` (this Typer writes a required argument as ``{customer}``).
    """
    from salescoach.core.fields import MAX_ID

    for param in command.params:
        if param.param_type_name == "argument":
            _name_in_capitals(param)
        kind = param.type
        if isinstance(kind, click_types.IntParamType) and not isinstance(kind, click_types.IntRange):
            param.type = click_types.IntRange(-MAX_ID, MAX_ID)
        elif isinstance(kind, click_types.IntRange):
            low = -MAX_ID if kind.min is None else max(kind.min, -MAX_ID)
            high = MAX_ID if kind.max is None else min(kind.max, MAX_ID)
            param.type = click_types.IntRange(low, high, kind.min_open, kind.max_open, kind.clamp)
        elif isinstance(kind, click_types.FloatParamType):
            param.type = FINITE
    for sub in getattr(command, "commands", {}).values():
        _fit_params(sub)


def _name_in_capitals(argument) -> None:
    argument.metavar = (argument.metavar or argument.name or "").upper()  # what errors call it
    name = argument.metavar + ("..." if argument.nargs != 1 else "")

    def make_metavar(ctx, *, usage: bool = False) -> str:
        return f"[{name}]" if usage and not argument.required else name

    argument.make_metavar = make_metavar


class Finite(click_types.FloatParamType):
    """Click's decimal type without ``inf`` and ``nan``."""

    name = "number"

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return number


FINITE = Finite()


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
    return not arguments or "--help" in arguments or "-h" in arguments


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
