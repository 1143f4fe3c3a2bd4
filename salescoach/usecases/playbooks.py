"""Playbooks: list what there is, show one merged, validate files before using them."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from salescoach.documents import PlaybookInvalid, read_document
from salescoach.errors import SalescoachError
from salescoach.playbook import loader
from salescoach.usecases.app import App


class PlaybookInfo(NamedTuple):
    name: str
    language: str
    title: str
    extends: str | None
    origin: str
    path: str


def listing(app: App) -> list[PlaybookInfo]:
    found = []
    for source in loader.all_sources(app.where):
        try:
            data = read_document(source.path).data
        except PlaybookInvalid:
            data = {}
        found.append(
            PlaybookInfo(
                source.name,
                source.language,
                str(data.get("title", "?")),
                data.get("extends"),
                source.origin,
                str(source.path),
            )
        )
    return found


def show(app: App, name: str) -> dict:
    """The merged playbook; the scorecard's checks listed with their ids and whether the record scores them."""
    data = loader.load_model(name, app.language, app.where).model_dump(mode="json")
    data["scorecard"] = rubric(data["scorecard"])
    return data


def rubric(scorecard: dict) -> dict:
    """The scorecard as scripts read it: each phase's checks as a list of ``{id, label, tip, weight, auto}``."""
    from salescoach.core.vocabulary import SCORED_FROM_RECORD

    return {
        phase: {
            "label": part["label"],
            "checks": [
                {"id": check, **fields, "auto": check in SCORED_FROM_RECORD} for check, fields in part["checks"].items()
            ],
        }
        for phase, part in scorecard.items()
    }


def validate(app: App, paths: list[Path]) -> list[str]:
    """Problems found in the files, as ``file:line: field: message`` lines; empty when all are valid."""
    problems = []
    for path in paths:
        try:
            loader.validate_file(path, app.where)
        except PlaybookInvalid as error:
            problems += error.problems
        except SalescoachError as error:  # e.g. the playbook it extends does not exist
            problems.append(f"{path}: {error.message}")
    return problems
