"""Filling playbook lines with a customer's details, safely.

A line such as ``"Good morning, {address}! How is {detail}?"`` names its blanks from one fixed set. Filling is a
single pass of plain text substitution: the values are never parsed again and the names can only be looked up in
that set, so neither a playbook nor a customer's name can reach attributes, indexes or code (``{0.__class__}`` is a
load-time error, and a customer called ``{rep}`` prints as ``{rep}``). ``{{`` and ``}}`` stand for literal braces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

PLACEHOLDERS: dict[str, str] = {
    "name": "the customer's name",
    "address": "the customer's name with honorific, as the playbook's address format says",
    "honorific": "the customer's honorific (Mr., Dr., 사장님)",
    "company": "the customer's company",
    "city": "the customer's city",
    "rep": "the rep's own name (from `salescoach profile`)",
    "rep_company": "the rep's company",
    "rep_title": "the rep's title",
    "last_visit": "the date of the last contact",
    "detail": "the latest personal detail noted (family, leisure, hometown, ...)",
    "need": "the latest need noted",
    "pain": "the latest pain point noted",
    "interest": "the latest interest noted",
    "promise": "the text of a promise the rep made",
    "feedback": "what the customer said at the last FBO",
    "benefit": "the benefit promised for the next contact at the last FBO",
    "opportunity": "the opening left for the next contact at the last FBO",
    "event": "an important date of the customer (birthday, renewal, ...)",
}
"""Every name a template may use, with what it stands for. This is the documented set."""

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


class TemplateError(ValueError):
    """A template names a placeholder outside the documented set, or has a stray brace.

    It carries the facts, not a sentence: ``token`` (the stray brace or the unknown name), ``unknown`` and
    ``index`` (the alternative at fault); the playbook models say it in the rep's language, keeping this module
    free of the interface catalogue.
    """

    def __init__(self, token: str, unknown: bool, index: int | None = None) -> None:
        super().__init__(token)
        self.token = token
        self.unknown = unknown
        self.index = index


def placeholders(template: str) -> list[str]:
    """The placeholder names a template uses, in order; raises TemplateError on anything not allowed."""
    names = []
    for match in _TOKEN.finditer(template):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        name = match.group(1)
        if name is None:
            raise TemplateError(token, unknown=False)
        if name not in PLACEHOLDERS:
            raise TemplateError(name, unknown=True)
        names.append(name)
    return names


def check_template(template: str) -> str:
    """Validate one template for the playbook models."""
    placeholders(template)
    return template


def check_template_list(templates: list[str]) -> list[str]:
    """Validate alternative templates, naming the one at fault by its index."""
    for index, template in enumerate(templates):
        try:
            placeholders(template)
        except TemplateError as error:
            raise TemplateError(error.token, error.unknown, index) from None
    return templates


def fill(template: str, values: Mapping[str, str | None]) -> str:
    """Substitute known values; a blank with no value shows as ‹name› so the rep sees what to fill in."""

    def substitute(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name = match.group(1)
        value = values.get(name) if name is not None else None
        return str(value) if value else f"‹{name}›"

    return _TOKEN.sub(substitute, template)


def is_complete(template: str, values: Mapping[str, str | None]) -> bool:
    """Whether every blank of the template has a value."""
    return all(values.get(name) for name in placeholders(template))


def fill_best(templates: Iterable[str], values: Mapping[str, str | None]) -> str:
    """Fill the first alternative whose blanks are all known (or the first one, blanks shown, if none is).

    Playbooks list the most personal line first and a general one last, so the rep gets the warmest line the
    record supports.
    """
    templates = list(templates)
    for template in templates:
        if is_complete(template, values):
            return fill(template, values)
    return fill(templates[0], values)
