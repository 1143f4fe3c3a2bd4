"""The rules every command line meets before any command runs, in one place for every command: arguments are text
the store and terminal can take, the root's options may come after the command, numbers fit the store, and
arguments are named in capitals.

The root command (:class:`salescoach.cli.root.InOrder`) applies them as Click builds and parses the tree.
"""

import math

from typer._click import types as click_types  # Typer (kept below 0.29) carries its own Click

GLOBAL_OPTIONS = {"--lang": True, "--version": False}
"""The root's options (and whether each takes a value), which may also come after the command:
``salescoach prep lee --lang ko``."""


HELP_OPTIONS = ("-h", "--help")


def refuse_invalid_text(arguments: list[str]) -> None:
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
    command has an option of that name itself (``demo --lang`` picks the demo book's language).

    An option of a group that acts itself, given before one of its commands (``followup --json done f1``), would
    be dropped by Click without a word: it is refused instead.
    """
    path, rest = _command_path(group, arguments)
    if not path:
        return arguments
    command = path[-1][0]
    takes_value = _takes_value(command)
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


def _takes_value(command) -> dict[str, bool]:
    """Each option name of ``command`` and whether it takes a value (``--date friday``) or is a flag."""
    return {
        name: not (param.is_flag or param.count)
        for param in command.params
        if getattr(param, "opts", None) is not None and hasattr(param, "is_flag")
        for name in (*param.opts, *param.secondary_opts)
    }


def _command_path(group, arguments: list[str]) -> tuple[list, list[str]]:
    """The commands a command line names (a command, or a group and its command) and the arguments after them."""
    from salescoach.cli.context import fail
    from salescoach.errors import EXIT_USAGE
    from salescoach.i18n import _

    path: list = []
    current, given = group, []
    takes_value = {name: True for name, value in GLOBAL_OPTIONS.items() if value}
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        if argument.startswith("-"):
            if argument not in HELP_OPTIONS:
                given.append(argument.partition("=")[0])
            index += 2 if takes_value.get(argument) else 1
            continue
        found = getattr(current, "commands", {}).get(argument)
        if found is None:
            break
        if current is not group and given:
            words = " ".join(name for name, _command, _at in path)
            raise fail(
                _("{options}: an option of `{group}` itself; `{group} {command}` has no use for it").format(
                    options=", ".join(given), group=words, command=argument
                ),
                None,
                EXIT_USAGE,
            )
        path.append((argument, found, index))
        current, given, takes_value = found, [], _takes_value(found)
        index += 1
    return [(command, at) for _, command, at in path], arguments[path[-1][2] + 1 :] if path else []


def fit_params(command) -> None:
    """Rules for every parameter of every command, however many there are.

    Every whole-number option and argument stays within what the store holds (a ``--limit`` of 2**63 would
    overflow SQLite), and every decimal one is finite (``inf`` and ``nan`` are numbers to Python, not to a rep).
    Every argument is named in capitals, as in ``Usage: salescoach prep [OPTIONS] CUSTOMER`` and ``Missing
    argument 'CUSTOMER'`` (this Typer writes a required argument as ``{customer}``).
    """
    for param in command.params:
        if param.param_type_name == "argument":
            _name_in_capitals(param)
        kind = param.type
        if isinstance(kind, click_types.IntParamType) and not isinstance(kind, click_types.IntRange):
            param.type = WHOLE
        elif isinstance(kind, click_types.IntRange) and not isinstance(kind, Bounded):
            param.type = Bounded(kind.min, kind.max, kind.min_open, kind.max_open, kind.clamp)
        elif isinstance(kind, click_types.FloatParamType):
            param.type = FINITE
    for sub in getattr(command, "commands", {}).values():
        fit_params(sub)


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


def _storable(kind, number: int, value, param, ctx) -> int:
    from salescoach.core.fields import MAX_ID

    if not -MAX_ID <= number <= MAX_ID:
        kind.fail(f"{value!r} is too large a number", param, ctx)
    return number


class Whole(click_types.IntParamType):
    """Click's whole number within what the store holds, for an option that has no range of its own: --help
    does not show the store's 19-digit bounds as if they were the option's."""

    name = "integer"

    def convert(self, value, param, ctx):
        return _storable(self, super().convert(value, param, ctx), value, param, ctx)


class Bounded(click_types.IntRange):
    """An option's own range (``--limit`` from 0), shown as the option gives it, and the store's bounds too."""

    def convert(self, value, param, ctx):
        return _storable(self, super().convert(value, param, ctx), value, param, ctx)


WHOLE = Whole()
