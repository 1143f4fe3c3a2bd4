"""What the rep knows, as the values a playbook line can be filled with.

One function gathers them, so a prep brief, a follow-up script and a reconnect line all address the customer the
same way and use the same latest detail. A note gives two values: its raw text (``{family}``, shown set off) and
the rep's phrase for speaking of it (``{family.say}``), with the customer's family put in the playbook's
honorific form (아들 -> 아드님), since the line speaks to the customer about their own family.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from salescoach.core.records import Customer, Note, Profile, Visit
from salescoach.core.vocabulary import PERSONAL_NOTE_KINDS
from salescoach.playbook.template import SPOKEN, fill, is_complete, is_hangul, placeholders

_COMPOUND_FAMILY_NAMES = ("남궁", "제갈", "선우", "독고", "황보", "사공", "서문", "동방")
_KOREAN_FAMILY_NAMES = frozenset(
    "kim gim lee yi rhee ri park pak bak choi choe jung jeong chung kang cho jo yoon yun jang chang lim im han oh"
    " seo suh shin sin kwon hwang ahn an song yoo yu ryu hong jeon chun ko go moon mun yang son bae baek paik heo"
    " hur nam noh roh ha kwak sung seong cha joo ju woo koo gu min jin na".split()
)
"""Korean family names as they are romanised, to tell "Park Soyeon" (family name first) from "Soyeon Park"."""

_PARTICLE_TAILS = (
    "",
    "이",
    "은",
    "을",
    "과",
    "의",
    "도",
    "만",
    "에게",
    "한테",
    "하고",
    "이랑",
    "께서",
    "들",
    "들이",
    "들은",
)
"""What may follow a family word in the same word (아들이, 딸도, 아이들은) for it to be that word."""


def latest(notes: Iterable[Note], kinds: Iterable[str]) -> Note | None:
    """The most recently noted detail of one of ``kinds``."""
    wanted = set(kinds)
    found = [note for note in notes if note.kind in wanted]
    return max(found, key=lambda note: (note.noted_on, note.id)) if found else None


def family_name(name: str) -> str:
    """The family name in a customer's name: the first syllable of a Hangul name (two for 남궁, 제갈, ...), the
    first word of a romanised Korean name written family name first ("Park Soyeon"), else the last word."""
    words = [word for word in name.split() if not word.isdigit()] or name.split()  # "Doyun Cho 269" is a Cho
    if not words:
        return name
    first = words[0]
    if is_hangul(first[0]):
        if len(words) > 1:
            return first
        return first[:2] if len(first) > 2 and first[:2] in _COMPOUND_FAMILY_NAMES else first[0]
    if len(words) > 1 and first.lower() in _KOREAN_FAMILY_NAMES and words[-1].lower() not in _KOREAN_FAMILY_NAMES:
        return first
    return words[-1]


def address(playbook: dict, name: str, honorific: str | None) -> str:
    """How to address the customer, in the playbook's language (``Ms. Park``, ``이서연 사장님``).

    A title goes where its own language puts it: a Korean one after the family name, in English too (Kim
    사장님); an English one in Korean is the playbook's own title where it has one (Dr. -> 박사님) and otherwise
    gives way to the plain form (Park Minji 님), since Korean has no "Ms." to put anywhere."""
    formats = playbook["address"]
    if not honorific:
        return fill(formats["plain"], {"name": name})
    template = formats["with_honorific"]
    if is_hangul(honorific[-1]) != (playbook["language"] == "ko"):
        wanted = _title_key(honorific)
        own = next((said for title, said in formats.get("titles", {}).items() if _title_key(title) == wanted), None)
        if own is not None:
            honorific = own
        elif formats.get("other_title"):
            template = formats["other_title"]
        else:
            return fill(formats["plain"], {"name": name})
    suffix = formats.get("honorific_suffix", "")
    if suffix and not honorific.endswith(suffix) and is_hangul(honorific[-1]):
        honorific += suffix  # a title typed bare (과장 -> 과장님), but never "Dr.님"
    return fill(template, {"name": name, "honorific": honorific, "family_name": family_name(name)})


def _title_key(title: str) -> str:
    """A title as the rep may type it, for comparing: "Dr.", "dr" and "DR" are one title."""
    return title.strip().rstrip(".").casefold()


def honour_family(phrase: str, family: Mapping[str, str]) -> str:
    """The rep's phrase with the customer's family in honorific form: "아들 대학 입학" -> "아드님 대학 입학"."""
    words = []
    for word in phrase.split(" "):
        for plain, honoured in family.items():
            if word.startswith(plain) and word[len(plain) :] in _PARTICLE_TAILS:
                word = honoured + word[len(plain) :]
                break
        words.append(word)
    return " ".join(words)


def template_values(
    playbook: dict,
    customer: Customer | None,
    name: str,
    notes: Iterable[Note] = (),
    last_visit: Visit | None = None,
    profile: Profile | None = None,
    extra: dict[str, str | None] | None = None,
) -> dict[str, str | None]:
    """The placeholder values for one customer; missing facts are None (the filler shows them as blanks)."""
    notes = list(notes)
    profile = profile or Profile()
    honorific = customer.honorific if customer else None
    family = playbook["address"].get("family", {})
    last_contact: date | None = customer.last_contact if customer else None
    values = {
        "name": name,
        "address": address(playbook, name, honorific),
        "honorific": honorific,
        "family_name": family_name(name),
        "company": customer.company if customer else None,
        "city": customer.city if customer else None,
        "rep": profile.name,
        "rep_company": profile.company,
        "rep_title": profile.title,
        "last_visit": last_contact.isoformat() if last_contact else None,
        "feedback": last_visit.feedback if last_visit else None,
        "benefit": last_visit.benefit if last_visit else None,
        "opportunity": last_visit.opportunity if last_visit else None,
        "note": None,
        "promise": None,
        "promise.say": None,
        "event": None,
    }
    for field, kinds in NOTE_FIELDS.items():
        note = latest(notes, kinds)
        values.update({field: note.text if note else None, f"{field}.say": note.say if note else None})
    values.update(extra or {})
    for field in SPOKEN:  # a phrase is spoken to the customer: of their family with honour, and never blank
        say = values[f"{field}.say"]
        values[f"{field}.say"] = honour_family(say, family) if say and say.strip() else None
    return values


NOTE_FIELDS = {
    "detail": PERSONAL_NOTE_KINDS,
    "family": ("family",),
    "leisure": ("leisure",),
    "need": ("need",),
    "pain": ("pain",),
    "interest": ("interest",),
}
"""Which note kinds fill each note placeholder: a hobby is not an investment interest."""


PREVIEW_LINES = {
    "promise": ("topics", "followup", "promise"),
    "need": ("topics", "followup", "types", "help", "templates"),
    "pain": ("questions", "relevance", "prompts"),
    "interest": ("topics", "followup", "types", "info", "templates"),
}
"""Where a note of each kind is spoken of, for previewing the rep's phrase; personal kinds open the greeting."""


def say_preview(playbook: dict, customer: Customer | None, name: str, kind: str, text: str, say: str) -> str | None:
    """The line a speaking phrase makes for this customer, for a note of ``kind`` or a ``promise``, so the rep can
    hear it before keeping it; None for kinds no line speaks of (hometown, school and workplace are shown as what
    the rep has in common)."""
    where = PREVIEW_LINES.get(kind)
    if where is None and kind in PERSONAL_NOTE_KINDS:
        where = ("topics", "greeting", "with_detail")
    if where is None:
        return None
    lines = playbook
    for key in where:
        lines = lines[key]
    if kind == "promise":
        values = template_values(playbook, customer, name, extra={"promise": text, "promise.say": say})
    else:
        values = template_values(playbook, customer, name, [Note(0, 0, kind, text, date.min, say)])
    spoken = (line for line in lines if any(part.endswith(".say") for part in placeholders(line)))
    return next((fill(line, values) for line in spoken if is_complete(line, values)), None)
