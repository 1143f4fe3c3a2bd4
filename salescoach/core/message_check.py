"""Checking a drafted message against the method: pushy wording, claims a rep may not make, missing courtesies.

The rules are playbook data (``message_check``): each rule lists phrases with a neutral rewrite, each
communication detail lists the words that show it is there. Phrases are matched as plain text, never as regular
expressions a playbook could write, so a user playbook cannot make the check slow or match what it does not say.
A phrase matches ignoring case and however the spaces inside it fall; where it begins or ends with a Latin letter
or digit it must stand as a whole word ("or" is not found in "order"), while a Korean phrase may carry its
particle ("원금 보장이" holds "원금 보장").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple


class Finding(NamedTuple):
    """One thing to change: where it is (character offsets; None for something missing), which rule, why, how."""

    start: int | None
    end: int | None
    text: str
    rule: str
    why: str
    rewrite: str


_WORD_EDGE = re.compile(r"[A-Za-z0-9]")


def phrase_pattern(phrase: str) -> re.Pattern:
    """A pattern for ``phrase`` as written: literal words, any run of spaces between them, word edges kept."""
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    if _WORD_EDGE.match(phrase.strip()[:1]):
        body = r"(?<![A-Za-z0-9])" + body
    if _WORD_EDGE.match(phrase.strip()[-1:]):
        body += r"(?![A-Za-z0-9])"
    return re.compile(body, re.IGNORECASE)


def _spans(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    found = []
    for phrase in phrases:
        if phrase.strip():
            found += [match.span() for match in phrase_pattern(phrase).finditer(text)]
    return sorted(found)


def check_message(text: str, rules: Mapping, details: Mapping, names: Iterable[str] = ()) -> list[Finding]:
    """Everything in ``text`` the playbook's ``message_check`` flags, in reading order, missing details last.

    ``names`` are the ways the customer's own name may be written (full name, family name, given name); with
    the playbook's address words they show that the message uses their name.
    """
    findings = []
    for rule_id, rule in rules.items():
        taken: list[tuple[int, int]] = []
        for item in rule["phrases"]:
            for start, end in _spans(text, [item["text"]]):
                if not any(start < other_end and other_start < end for other_start, other_end in taken):
                    taken.append((start, end))
                    findings.append(Finding(start, end, text[start:end], rule_id, rule["why"], item["rewrite"]))
    findings.sort(key=lambda finding: (finding.start, finding.end))
    missing = []
    for detail_id, detail in details.items():
        markers = [*detail["markers"], *(names if detail_id == "name" else ())]
        present = bool(_spans(text, markers))
        triggers = detail.get("triggers")
        if triggers:  # a detail owed only when the message says no: the reason for it
            refusals = _spans(text, triggers)
            if refusals and not present:
                start, end = refusals[0]
                missing.append(Finding(start, end, text[start:end], detail_id, detail["why"], detail["rewrite"]))
        elif not present:
            missing.append(Finding(None, None, "", detail_id, detail["why"], detail["rewrite"]))
    return findings + missing


def name_forms(name: str) -> list[str]:
    """The ways a rep may write a customer's name in a message: in full, by each part, by the given name alone.

    A Korean name written without a space ("박소연") is family name first: "소연" is how a message may use it.
    """
    parts = name.split()
    forms = [name, *parts]
    if len(parts) == 1 and len(name) >= 3 and all("\uac00" <= ch <= "\ud7a3" for ch in name):
        forms.append(name[1:])
    return list(dict.fromkeys(form for form in forms if form))
