"""Filling playbook lines with a customer's details, safely and grammatically.

A line such as ``"{address}, how is the family? (Your note: {family})"`` names its blanks from one fixed set.
Filling is a single pass of plain text substitution: the values are never parsed again and the names can only be
looked up in that set, so neither a playbook nor a customer's name can reach attributes, indexes or code
(``{0.__class__}`` is a load-time error, and a customer called ``{rep}`` prints as ``{rep}``). ``{{`` and ``}}``
stand for literal braces.

Two kinds of value fill a line. *Safe* values (a name, a company, the rep's title) are noun phrases the tool
controls. *Free text* is what the rep typed in a note ("plays golf on Saturdays", "Allergic to cats!", "부모님
모시고 삶"): it can be any shape, so it may only stand where any text reads correctly — the whole line, after a
label and a colon or dash, or inside quotes — and this is checked when a playbook loads. A free-text field's
``.say`` form (``{family.say}``) is the short phrase the rep chose for speaking; it is safe to splice, and a line
that needs it is passed over when the rep gave none.

Korean particles follow the filled word's final sound: ``{name|을}`` writes 을 or 를, likewise 이/가, 은/는,
과/와, 으로/로 and a few more (either spelling of a pair may be written). A particle needs a fixed form, so a raw
free-text value cannot take one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

SAFE: dict[str, str] = {
    "name": "the customer's name",
    "address": "the customer's name with honorific, as the playbook's address format says",
    "honorific": "the customer's honorific (Mr., Dr., 사장님)",
    "family_name": "the customer's family name (Park for 'Park Soyeon' or 'Soyeon Park')",
    "company": "the customer's company",
    "city": "the customer's city",
    "rep": "the rep's own name (from `salescoach profile`)",
    "rep_company": "the rep's company",
    "rep_title": "the rep's title",
    "last_visit": "the date of the last contact",
}
"""Values the tool controls: each is a noun phrase, safe anywhere in a sentence."""

ALWAYS_KNOWN = ("name", "address", "honorific", "family_name")
"""Safe values every customer has (the honorific only inside the address format, which is chosen by it). The rep's
own name, company and title wait on `salescoach profile set`, and a customer's company, city and last visit on the
record, so a line that stands alone, and one alternative of every list, needs none of them: the rep never reads a
‹rep_company›."""

FREE_TEXT: dict[str, str] = {
    "detail": "the latest personal detail noted (family, leisure, interest, work, ...)",
    "family": "the latest family note",
    "leisure": "the latest leisure note (a hobby, sport, pastime)",
    "need": "the latest need noted",
    "pain": "the latest pain point noted",
    "interest": "the latest interest noted (what they follow: markets, property, cars)",
    "note": "the follow-up's own note",
    "promise": "the text of a promise the rep made",
    "feedback": "what the customer said at the last FBO",
    "benefit": "the benefit promised for the next contact at the last FBO",
    "opportunity": "the opening left for the next contact at the last FBO",
    "event": "an important date of the customer (birthday, renewal, ...)",
}
"""Text the rep wrote, in any shape: allowed only where any text reads correctly (see the module docstring)."""

SPOKEN = ("detail", "family", "leisure", "need", "pain", "interest", "promise")
"""Free-text fields of a note or a promise, which may carry the rep's phrase for speaking (``{need.say}``)."""

PLACEHOLDERS: dict[str, str] = {
    **SAFE,
    **FREE_TEXT,
    **{f"{name}.say": f"the rep's phrase for speaking of {FREE_TEXT[name][4:]}" for name in SPOKEN},
}
"""Every name a template may use, with what it stands for. This is the documented set."""

PARTICLES: dict[str, tuple[str, str]] = {
    pair: forms
    for forms in (
        ("을", "를"),
        ("이", "가"),
        ("은", "는"),
        ("과", "와"),
        ("으로", "로"),
        ("이나", "나"),
        ("이랑", "랑"),
        ("이라고", "라고"),
        ("이에요", "예요"),
    )
    for pair in forms
}
"""Korean particles that change with the final sound: (after a final consonant, after a vowel)."""

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_QUOTES = {'"': '"', "“": "”", "‘": "’", "'": "'", "「": "」", "『": "』", "«": "»"}
_LABEL = re.compile(r"(^|[:：]|\s[—–-])$")
_SET_OFF_AFTER = re.compile(r"$|\.(\s|$)|\)|\s[—–-]\s|\n")
_ENDS_SENTENCE = ".!?…。！？"


class TemplateError(ValueError):
    """A template names a placeholder outside the documented set, has a stray brace, puts free text inside a
    sentence, asks for a particle the syntax does not know, or a list of alternatives has none without notes.

    It carries the facts, not a sentence: ``token`` (the stray brace or the name at fault), ``problem`` (one of
    ``stray``, ``unknown``, ``inline``, ``particle``, ``particle_free``, ``fallback``, ``unsure``) and ``index`` (the
    alternative at fault); the playbook models say it in the rep's language, keeping this module free of the
    interface catalogue.
    """

    def __init__(self, token: str, problem: str, index: int | None = None) -> None:
        super().__init__(token)
        self.token = token
        self.problem = problem
        self.index = index


def _parse(body: str) -> tuple[str, str | None]:
    """``name`` or ``name|particle`` -> (name, particle); ``name|`` has an empty, hence unknown, particle."""
    name, bar, particle = body.partition("|")
    return name, particle if bar else None


def placeholders(template: str) -> list[str]:
    """The placeholder names a template uses, in order; raises TemplateError on anything not allowed."""
    names = []
    for match in _TOKEN.finditer(template):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        if match.group(1) is None:
            raise TemplateError(token, "stray")
        name, particle = _parse(match.group(1))
        if name not in PLACEHOLDERS:
            raise TemplateError(name, "unknown")
        if particle is not None and particle not in PARTICLES:
            raise TemplateError(particle, "particle")
        if name in FREE_TEXT:
            if particle is not None:
                raise TemplateError(name, "particle_free")
            if not _set_off(template, match.start(), match.end()):
                raise TemplateError(name, "inline")
        names.append(name)
    return names


def _set_off(template: str, start: int, end: int) -> bool:
    """Whether a blank at ``template[start:end]`` stands where any text reads: in quotes, or alone on its line or
    after a label (colon or dash) and followed by the end, a full stop, a closing bracket or a dash."""
    before, after = template[:start], template[end:]
    if before and before[-1] in _QUOTES:
        return after.startswith(_QUOTES[before[-1]])
    return _LABEL.search(before.rstrip()) is not None and _SET_OFF_AFTER.match(after) is not None


def check_template(template: str) -> str:
    """Validate one template for the playbook models: a line with no alternative may use only what every customer
    has, since nothing could stand in for a blank."""
    unsure = next((name for name in placeholders(template) if name not in ALWAYS_KNOWN), None)
    if unsure is not None:
        raise TemplateError(unsure, "unsure")
    return template


def check_template_list(templates: list[str], fallback: bool = True) -> list[str]:
    """Validate alternative templates, naming the one at fault by its index.

    One alternative must need no fact beyond what every customer has (no note, no profile, no company), so a
    customer with none, and a rep who has not set a profile, still get a whole line rather than a ‹blank›; unless
    ``fallback`` is False, for lines tried before another list that has one.
    """
    uses = []
    for index, template in enumerate(templates):
        try:
            uses.append(placeholders(template))
        except TemplateError as error:
            raise TemplateError(error.token, error.problem, index) from None
    if fallback and all(any(name not in ALWAYS_KNOWN for name in names) for names in uses):
        raise TemplateError("", "fallback", len(templates) - 1)
    return templates


def is_hangul(character: str) -> bool:
    """Whether ``character`` is a Hangul syllable (가 to 힣): Korean words, titles and names."""
    return "가" <= character <= "힣"


def final_sound(word: str) -> int | None:
    """The final consonant of how ``word`` is read, as a jongseong index (0 none, 8 ㄹ), or None if unreadable.

    Hangul by its last syllable; digits and Latin letters by how they are said in Korean (1 일, 3 삼, 10 십;
    an acronym by its last letter, L 엘, M 엠, BMW 더블유); a Latin word by its ending, since -m, -n, -ng, -k
    and -l are read closed (Samsung 삼성, Facebook 페이스북, Paul 폴) and most other endings open (Tesla 테슬라).
    """
    text = word.rstrip(" \t\"'”’」』»)]}.,!?…。")
    if not text:
        return None
    last = text[-1]
    if is_hangul(last):
        return (ord(last) - 0xAC00) % 28
    if last.isdigit():
        return _DIGIT_SOUNDS[int(last)]
    if last.isascii() and last.isalpha():
        letters = re.search(r"[A-Za-z]+$", text).group(0)
        if len(letters) == 1 or letters.isupper():
            return _LETTER_SOUNDS[last.upper()]
        return next((sound for ending, sound in _WORD_ENDINGS if letters.lower().endswith(ending)), 0)
    return None


_DIGIT_SOUNDS = (21, 8, 0, 16, 0, 0, 1, 8, 8, 0)  # 영 일 이 삼 사 오 육 칠 팔 구
_WORD_ENDINGS = (("ng", 21), ("m", 16), ("n", 4), ("k", 1), ("l", 8))
_LETTER_SOUNDS = {letter: 0 for letter in "ABCDEFGHIJKOPQSTUVWXYZ"} | {"L": 8, "M": 16, "N": 4, "R": 8}


def particle(word: str, written: str) -> str:
    """The form of a particle that follows ``word``: 을 after a final consonant, 를 after a vowel; 로 after ㄹ."""
    closed, open_ = PARTICLES[written]
    sound = final_sound(word)
    if sound is None:
        return f"{closed}({open_})" if closed != "으로" else "(으)로"
    if closed == "으로" and sound == 8:
        return open_
    return closed if sound else open_


def fill(template: str, values: Mapping[str, str | None]) -> str:
    """Substitute known values; a blank with no value shows as ‹name› so the rep sees what to fill in.

    A value that ends its own sentence ("Allergic to cats!") drops the template's full stop after it, so no
    punctuation is doubled.
    """
    out: list[str] = []
    position = 0
    for match in _TOKEN.finditer(template):
        _append_text(out, template[position : match.start()])
        position = match.end()
        if match.group(1) is None:
            out.append(match.group(0)[0])  # {{ or }}: a literal brace
            continue
        name, written = _parse(match.group(1))
        value = values.get(name) or ""
        out.append((value or f"‹{name}›") + (particle(value, written) if written else ""))
    _append_text(out, template[position:])
    return "".join(out)


def _append_text(out: list[str], piece: str) -> None:
    """The template's text after a value: its stop is dropped where the value already ends a sentence ("cats."
    + "." is one stop), but a question stays a question after an abbreviation ("Hanbit Co." + "?")."""
    if out and piece[:1] in (".", "!", "?"):
        ends = _ENDS_SENTENCE if piece[0] == "." else _ENDS_SENTENCE.replace(".", "")
        if out[-1].endswith(tuple(ends)):
            piece = piece[1:]
    out.append(piece)


def is_complete(template: str, values: Mapping[str, str | None]) -> bool:
    """Whether every blank of the template has a value."""
    return all(values.get(name) for name in placeholders(template))


def fill_each(templates: Iterable[str], values: Mapping[str, str | None]) -> list[str]:
    """Every alternative whose blanks are all known, filled: for lists shown whole (a stage's method prompts, the
    neutral phrases), where a line with a blank is left out rather than shown with one."""
    return [fill(template, values) for template in templates if is_complete(template, values)]


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
