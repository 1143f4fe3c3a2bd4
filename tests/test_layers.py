"""The layers read one way: cli -> usecases -> core, store and playbook; render prints what use cases return.

Imports are read with :mod:`ast` from every module of the package, at top level and inside functions alike (a
deferred import is still a dependency).
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "salescoach"
LAYERS = ("cli", "usecases", "render", "store", "playbook", "core")
FORBIDDEN = {
    "usecases": {"cli", "render"},
    "render": {"cli", "usecases", "store"},
    "store": {"cli", "usecases", "render"},
    "playbook": {"cli", "usecases", "render", "store"},
    "core": {"cli", "usecases", "render", "store"},
    "base": set(LAYERS),  # errors, i18n, paths, files, settings: used by every layer, so they use none
}


def layer(module: str) -> str:
    """``salescoach.render.page`` -> ``render``; a top-level module (``salescoach.errors``) is ``base``, but
    ``python -m salescoach`` starts the command line."""
    parts = module.split(".")
    if parts[1:2] == ["__main__"]:
        return "cli"
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else "base"


def imported(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, module) of every salescoach module ``tree`` imports."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "salescoach":  # from salescoach import settings
                found += [(node.lineno, f"salescoach.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, node.module))
    return [(line, module) for line, module in found if module.split(".")[0] == "salescoach"]


def wrong_way(source: str, module: str) -> list[str]:
    own = layer(module)
    return [
        f"{module}:{line} imports {target} ({own} -> {layer(target)})"
        for line, target in imported(ast.parse(source))
        if layer(target) in FORBIDDEN.get(own, set())
    ]


def modules() -> dict[str, str]:
    """Every module of the package by dotted name, with its source."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        found[".".join(part for part in relative.parts if part != "__init__")] = path.read_text(encoding="utf-8")
    return found


def test_no_import_goes_the_wrong_way_between_layers():
    problems = [problem for module, source in modules().items() for problem in wrong_way(source, module)]
    assert problems == []


def test_no_two_modules_import_each_other():
    """A cycle (render.output and render.page once needed each other) means the two are one thing, or tangled."""
    sources = modules()
    graph = {module: {target for _, target in imported(ast.parse(source))} for module, source in sources.items()}
    pairs = {
        tuple(sorted((module, target)))
        for module, targets in graph.items()
        for target in targets
        if target != module and module in graph.get(target, set())
    }
    assert pairs == set()


def test_relative_imports_are_not_used():
    """The check reads absolute imports only; a relative one would slip past it."""
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert not any(isinstance(node, ast.ImportFrom) and node.level for node in ast.walk(tree)), path


def test_the_check_sees_each_kind_of_wrong_import():
    assert wrong_way("def f():\n    from salescoach.render.output import jsonable\n", "salescoach.usecases.x") == [
        "salescoach.usecases.x:2 imports salescoach.render.output (usecases -> render)"
    ]
    assert wrong_way("import salescoach.store.sqlite\n", "salescoach.core.agenda")
    assert wrong_way("from salescoach.usecases import app\n", "salescoach.render.page")
    assert wrong_way("from salescoach import cli\n", "salescoach.errors")
    assert not wrong_way("from salescoach.core.records import Customer\n", "salescoach.render.page")
    assert not wrong_way("from salescoach.store.sqlite import opened\n", "salescoach.usecases.app")
