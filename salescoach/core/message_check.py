"""Checking a drafted message against the method: pushy wording, claims a rep may not make, missing courtesies.

The rules are playbook data (``message_check``): each rule lists phrases with a neutral rewrite, each
communication detail lists the words that show it is there. Phrases are matched as plain text, never as regular
expressions a playbook could write, so a user playbook cannot make the check slow or match what it does not say.
A phrase matches ignoring case and however the spaces inside it fall; where it begins or ends with a Latin letter
or digit it must stand as a whole word ("or" is not found in "order"), while a Korean phrase may carry its
particle ("원금 보장이" holds "원금 보장"); between two Hangul words the space may be left out ("원금보장" is
"원금 보장"), as Korean messages often write them, so one phrase covers both spellings.

Sent to a known customer, a message that greets someone else ("Dear Mr. Kim" to Ms. Park) is the costliest slip
there is: the first name it addresses, by a title of the playbook's ``name`` detail, must be the customer's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from salescoach.core.details import _COMPOUND_FAMILY_NAMES, family_name
from salescoach.playbook.template import fill, is_hangul


class Finding(NamedTuple):
    """One thing to change: where it is (character offsets; None for something missing), which rule, why, how."""

    start: int | None
    end: int | None
    text: str
    rule: str
    why: str
    rewrite: str


_WORD_EDGE = re.compile(r"[A-Za-z0-9]")


@functools.lru_cache(maxsize=4096)  # the packs hold hundreds of phrases: more than re's own cache keeps
def phrase_pattern(phrase: str) -> re.Pattern:
    """A pattern for ``phrase`` as written: literal words in any case, any run of spaces between them (none
    between Hangul words), word edges kept.

    ASCII letters match either case by a class of their own ([aA]): the same match as re.IGNORECASE, which takes
    five times as long to compile, and a `check` compiles every phrase of its pack."""
    words = phrase.split()
    body = _literal(words[0]) if words else ""
    for before, word in zip(words, words[1:], strict=False):
        hangul = is_hangul(before[-1]) and is_hangul(word[0])
        body += (r"\s*" if hangul else r"\s+") + _literal(word)
    if _WORD_EDGE.match(phrase.strip()[:1]):
        body = r"(?<![A-Za-z0-9])" + body
    if _WORD_EDGE.match(phrase.strip()[-1:]):
        body += r"(?![A-Za-z0-9])"
    other_cases = any(not ch.isascii() and ch.lower() != ch.upper() for ch in phrase)  # "É": the slow way
    return re.compile(body, re.IGNORECASE if other_cases else 0)


def _literal(word: str) -> str:
    return "".join(f"[{ch.lower()}{ch.upper()}]" if ch.isascii() and ch.isalpha() else re.escape(ch) for ch in word)


def _spans(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    found = []
    for phrase in phrases:
        if phrase.strip():
            found += [match.span() for match in phrase_pattern(phrase).finditer(text)]
    return sorted(found)


def _innermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that hold no other: of "This plan covers everything", the words the rewrite replaces ("covers
    everything"), not the whole sentence a drill card shows."""
    return [
        span
        for span in spans
        if not any(other != span and span[0] <= other[0] and other[1] <= span[1] for other in spans)
    ]


class Addressee(NamedTuple):
    """The customer a message is for: their name, the ways a message may name them, and how the playbook
    addresses them (the rewrite when the message greets someone else)."""

    name: str
    forms: tuple[str, ...]
    address: str


def check_message(text: str, rules: Mapping, details: Mapping, customer: Addressee | None = None) -> list[Finding]:
    """Everything in ``text`` the playbook's ``message_check`` flags, in reading order, missing details last.

    With ``customer``, their own name (any of its forms) with the playbook's address words shows that the
    message uses their name, and a message that first greets another name is a finding.
    """
    findings = []
    for rule_id, rule in rules.items():
        taken: list[tuple[int, int]] = []
        for item in rule["phrases"]:
            for start, end in _innermost(_spans(text, [item["text"], *item.get("also", ())])):
                if not any(start < other_end and other_start < end for other_start, other_end in taken):
                    taken.append((start, end))
                    findings.append(Finding(start, end, text[start:end], rule_id, rule["why"], item["rewrite"]))
    findings.sort(key=lambda finding: (finding.start, finding.end))
    missing = []
    for detail_id, detail in details.items():
        if detail_id == "name" and customer is not None:
            other = _other_name(text, detail, customer)
            if other is not None:
                findings.append(other)
                continue
        markers = [*detail["markers"], *(customer.forms if customer and detail_id == "name" else ())]
        present = bool(_spans(text, markers))
        triggers = detail.get("triggers")
        if triggers:  # a detail owed only when the message says no: the reason for it
            refusals = _spans(text, triggers)
            if refusals and not present:
                start, end = refusals[0]
                missing.append(Finding(start, end, text[start:end], detail_id, detail["why"], detail["rewrite"]))
        elif not present:
            missing.append(Finding(None, None, "", detail_id, detail["why"], detail["rewrite"]))
    findings.sort(key=lambda finding: (finding.start, finding.end))
    return findings + missing


def _other_name(text: str, detail: Mapping, customer: Addressee) -> Finding | None:
    """The message's first greeting, when it names someone other than ``customer``."""
    greetings = addressed_names(text, detail.get("titles") or ())
    if not greetings:
        return None
    start, end, named = greetings[0]
    own = {form.casefold() for form in (*customer.forms, family_name(customer.name))}
    if named.casefold() in own:
        return None
    why = fill(detail["other_name"], {"name": customer.name})
    return Finding(start, end, text[start:end], "name", why, customer.address)


_LATIN_NAME = r"([A-Z][A-Za-z'\-]*)"
_HANGUL_WORD = "(?<![가-힣])([가-힣]{1,4})"
_KOREAN_FAMILY_SYLLABLES = frozenset(
    "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추"
    "도소석선설마길연위표명기반왕금옥육인맹모탁국어은편용예경봉사태목형피두감"
)
"""The first syllables of Korean family names, to tell a name before a title (김 과장님) from other words; not 제
nor 부, rare as names and common before a title ("제 과장님" is my manager, "부사장님" a title)."""
_NOT_NAMES = frozenset(("사용자", "구매자", "신청자", "소비자", "공무원", "관리자", "보호자"))
"""Words for a customer that start like a family name and take 님 close (사용자님), yet name no one."""


def addressed_names(text: str, titles: Iterable[str]) -> list[tuple[int, int, str]]:
    """Each place ``text`` greets someone by a title, as (start, end, the name), in reading order.

    A Latin title stands before the name ("Mr. Kim", "Dear Soyeon"); a Hangul one after it, spaced or not ("김
    과장님", "박소연님"), and the bare honorific "님" only after a spaced name ("소연 님") or a full name ("박소연님"),
    since "고객님" and "선생님" are no one's name.
    """
    titles = list(titles)
    latin_titles = {title.rstrip(".").casefold() for title in titles}
    found = []
    for title in titles:
        if is_hangul(title[-1]):
            bare = title == "님"
            for match in _title_pattern(title).finditer(text):
                name, space = match.group(1), match.group(2)
                if bare and not space and name[1:] + title in titles:
                    continue  # 김과장님: the title's own match names 김
                if _looks_like_name(name, spaced=bool(space), bare=bare):
                    found.append((match.start(), match.end(), name))
        else:
            for match in _title_pattern(title).finditer(text):
                if match.group(1).casefold() not in latin_titles:  # "Dear Mr. Kim" names Kim
                    found.append((match.start(), match.end(), match.group(1)))
    return _without_overlaps(sorted(found, key=lambda item: (item[0], -item[1])))


@functools.lru_cache(maxsize=256)
def _title_pattern(title: str) -> re.Pattern:
    """A Hangul title after a name, spaced or not (a bare 님 either way: 소연 님, 박소연님); a Latin one before it."""
    if is_hangul(title[-1]):
        return re.compile(_HANGUL_WORD + "( ?)" + re.escape(title))
    return re.compile(r"(?<![A-Za-z])" + re.escape(title.rstrip(".")) + r"(?![A-Za-z])\.?\s+" + _LATIN_NAME)


def _looks_like_name(word: str, spaced: bool, bare: bool) -> bool:
    """Whether a Hangul word before a title is a name: before a bare 님, any spaced word ("소연 님") or a full
    name ("박소연님"); before a title, a family name ("김 과장님", "김과장님") or a full name, but not "우리
    과장님", "부사장님" nor "사용자님"."""
    if bare and spaced:
        return len(word) >= 2
    if word in _COMPOUND_FAMILY_NAMES or (len(word) == 4 and word[:2] in _COMPOUND_FAMILY_NAMES):
        return True
    if word[0] not in _KOREAN_FAMILY_SYLLABLES or word in _NOT_NAMES:
        return False
    return len(word) == 3 or (len(word) == 1 and not bare)


def _without_overlaps(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def name_forms(name: str) -> list[str]:
    """The ways a rep may write a customer's name in a message: in full, by each part, by the given name alone.

    A Korean name written without a space ("박소연") is family name first: "소연" is how a message may use it.
    """
    parts = name.split()
    forms = [name, *parts]
    if len(parts) == 1 and len(name) >= 3 and all("\uac00" <= ch <= "\ud7a3" for ch in name):
        forms.append(name[1:])
    return list(dict.fromkeys(form for form in forms if form))
