"""The shape of a playbook: every part of the coaching method, as data.

A playbook is YAML that a coach can edit without touching code. These models are the contract: each fixed list of
the method (six questions, seven churn causes, ...) is a mapping keyed by a known id, so an industry pack can override
one item by key, a translation can be checked item by item, and a typo in a key is an error instead of a silent gap.
Every model forbids unknown fields. Text fields marked ``Template`` may use the placeholders of
:mod:`salescoach.playbook.template`; the loader rejects any other placeholder.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from salescoach.core import vocabulary as v
from salescoach.i18n import _
from salescoach.playbook.template import (
    FREE_TEXT,
    SPOKEN,
    TemplateError,
    check_template,
    check_template_list,
    placeholders,
)

Text = Annotated[str, Field(min_length=1)]
Texts = Annotated[list[Text], Field(min_length=1)]


class Part(BaseModel):
    """Base of every playbook section: unknown keys are mistakes, not extensions."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _template(value: str) -> str:
    try:
        check_template(value)
    except TemplateError as error:
        raise ValueError(_template_problem(error)) from None
    return value


def _templates(values: list[str]) -> list[str]:
    try:
        check_template_list(values)
    except TemplateError as error:
        raise ValueError(_template_problem(error)) from None
    return values


def _fact_lines(values: list[str]) -> list[str]:
    try:
        check_template_list(values, fallback=False)
    except TemplateError as error:
        raise ValueError(_template_problem(error)) from None
    return values


def _say_lines(values: list[str]) -> list[str]:
    """Lines the rep says or sends word for word: the rep's raw note never rides along in them, even set off,
    since "(Your note: ...)" at the end of an SMS goes out with it; it is shown beside the line instead."""
    values = _templates(values)
    for index, value in enumerate(values):
        raw = next((name for name in placeholders(value) if name in FREE_TEXT), None)
        if raw is not None:
            raise ValueError(
                f"[{index}] "
                + _("{{{name}}} would be said or sent with the line; it is shown beside it, so leave it out").format(
                    name=raw
                )
            )
    return values


def _template_problem(error: TemplateError) -> str:
    """What is wrong with a template, in the interface language; ``[index]`` first names the alternative at fault."""
    name = error.token
    problem = {
        "unknown": lambda: _("unknown placeholder {{{name}}}").format(name=name),
        "stray": lambda: _("stray '{token}' (write '{double}' for a literal brace)").format(
            token=name, double=name * 2
        ),
        "inline": lambda: (
            _(
                "{{{name}}} holds the rep's own words and may stand only alone, after a label and colon or dash, or in "
                "quotes"
            ).format(name=name)
            + (_(" (or use {{{name}.say}}, the rep's phrase for speaking)").format(name=name) if name in SPOKEN else "")
        ),
        "particle": lambda: _(
            "unknown particle '{particle}' (use 을, 이, 은, 과, 으로, 이나, 이랑, 이라고 or 이에요)"
        ).format(particle=name),
        "particle_free": lambda: _(
            "{{{name}}} holds the rep's own words, so no particle can follow it; use the .say form"
        ).format(name=name),
        "fallback": lambda: _(
            "every alternative needs a note, the rep's profile or the customer's company; add one that needs none,"
            " for customers and reps without them"
        ),
        "unsure": lambda: _(
            "{{{name}}} may be unknown (no note, no profile or no company yet) and this line has no alternative; use "
            "only {{address}} or {{name}} here"
        ).format(name=name),
    }[error.problem]()
    return problem if error.index is None else f"[{error.index}] {problem}"


TemplateText = Annotated[Text, AfterValidator(_template)]
TemplateLines = Annotated[Texts, AfterValidator(_templates)]
SayLines = Annotated[Texts, AfterValidator(_say_lines)]
"""Alternatives of a line said word for word (a follow-up's script): no raw note inside, not even set off."""
FactLines = Annotated[list[Text], AfterValidator(_fact_lines)]
"""Lines that each speak of something recorded, tried before a list that needs nothing (so none of them must)."""


def Keyed(keys: tuple[str, ...], item: type) -> type:
    """A mapping that must hold exactly one ``item`` for each key of a fixed list of the method."""

    def _complete(value: dict) -> dict:
        missing = [key for key in keys if key not in value]
        if missing:
            raise ValueError(_("missing {keys}").format(keys=", ".join(missing)))
        return value

    return Annotated[dict[Literal[keys], item], AfterValidator(_complete)]


class Question(Part):
    """One of the six questions a customer silently asks the first time a rep stands before them."""

    question: Text
    really_asking: Text
    guidance: Text
    prompts: TemplateLines
    met_prompts: TemplateLines | None = None  # for a customer already met, in place of ``prompts`` ("Good to meet you")


class ValueKind(Part):
    """A kind of value the relationship gives the customer."""

    title: Text
    summary: Text
    practices: Texts


class EmotionalBank(Part):
    """The emotional bank account: what builds trust and what draws it down."""

    summary: Text
    deposits: Texts
    withdrawals: Texts


class Values(Part):
    functional: ValueKind
    emotional: ValueKind
    ideal: ValueKind
    bank: EmotionalBank
    lasting: Text


class Premise(Part):
    """Why the method starts from the relationship."""

    trust: Text
    book_size: Text
    ties: Text


class Refusal(Part):
    """A typical refusal and an answer for each of the three levers."""

    label: Text
    identity: TemplateText
    relationship: TemplateText
    benefit: TemplateText


class Lever(Part):
    title: Text
    summary: Text


class StageOne(Part):
    """Stage 1: remove wariness with neutral phrasing."""

    title: Text
    goal: Text
    wariness: Texts
    levers: Keyed(v.LEVERS, Lever)
    refusals: Keyed(v.REFUSALS, Refusal)
    interest: Texts
    neutral_phrases: TemplateLines


class Good(Part):
    title: Text
    summary: Text
    tips: Texts


class GoodReason(Part):
    """A legitimate reason to visit, with a line that opens the visit with it."""

    label: Text
    line: TemplateText


class StageTwo(Part):
    """Stage 2: win a good impression with the five goods."""

    title: Text
    goal: Text
    goods: Keyed(v.GOODS, Good)
    reasons: Keyed(v.GOOD_REASONS, GoodReason)
    commonalities: Texts


class TrustMethod(Part):
    title: Text
    summary: Text
    prompts: TemplateLines


class Framework(Part):
    title: Text
    steps: Texts


class StageThree(Part):
    """Stage 3: win trust with professional questioning."""

    title: Text
    goal: Text
    methods: Keyed(v.TRUST_METHODS, TrustMethod)
    frameworks: Annotated[list[Framework], Field(min_length=1)]


class LikelyRefusal(Part):
    """The refusal a rep is most likely to hear at a stage, and the lever whose answer the brief leads with."""

    refusal: Literal[v.REFUSALS]
    lever: Literal[v.LEVERS]


class Stages(Part):
    speed: Text
    watch: Texts
    stage1: StageOne
    stage2: StageTwo
    stage3: StageThree
    likely_refusal: Keyed(("1", "2", "3"), LikelyRefusal)


class GreetingTopic(Part):
    title: Text
    lines: TemplateLines


class Greeting(Part):
    summary: Text
    topics: Keyed(v.GREETING_TOPICS, GreetingTopic)
    with_detail: TemplateLines
    first_visit: TemplateLines  # a stranger is greeted as one: no "how have you been"


class DeepeningArea(Part):
    """A deepening topic, what it leads to for the business, and questions that open it."""

    topic: Text
    leads_to: Text
    prompts: TemplateLines


class Deepening(Part):
    summary: Text
    areas: Keyed(v.DEEPENING_AREAS, DeepeningArea)


class Closing(Part):
    """The close of a conversation and the FBO wrap-up."""

    summary: Text
    rules: Texts
    feedback: TemplateLines
    benefit: FactLines  # the value of the next conversation, from what they told you (a need, an interest)
    benefit_by_stage: Keyed(("1", "2", "3"), TemplateLines)  # ... or, when nothing recorded fits, from the stage
    opportunity: TemplateLines
    example: Texts


class TierRule(Part):
    """A follow-up tier: who belongs in it, how and how often to get in touch."""

    label: Text
    criteria: Text
    channel: Literal[v.CHANNELS]
    cadence_days: Annotated[int, Field(ge=1, le=365)]


class Script(Part):
    """What to say on a touch, with the note it speaks of shown beside it ("Remember: ..."), never inside it.

    ``templates`` speak of the customer's note through the rep's phrase (``{need.say}``), the general line last;
    ``noted`` is said when that note has no phrase: it points at the fact the rep sees beside it rather than
    ignoring it."""

    templates: SayLines
    noted: TemplateText | None = None  # for lists that speak of a note through its phrase


class FollowupType(Script):
    label: Text
    summary: Text
    own_note: TemplateText  # said when the follow-up has its own note ("new rates"), which shows beside it


class DateKind(Part):
    """A kind of important date: what to call it in a script, and what to say when it comes round."""

    label: Text
    templates: SayLines


class FollowupPhase(Part):
    summary: Text
    tiers: Keyed(v.TIERS, TierRule)
    types: Keyed(v.FOLLOWUP_TYPES, FollowupType)
    promise: SayLines
    promise_late: SayLines  # a promise kept after its day owns the delay: an apology is a deposit
    dates: Keyed(tuple(v.DATE_KINDS), DateKind)


class Topics(Part):
    """The four phases of a contact: greeting, deepening, closing, follow-up."""

    greeting: Greeting
    deepening: Deepening
    closing: Closing
    followup: FollowupPhase


class Communication(Part):
    title: Text
    tip: Text


class Move(Part):
    title: Text
    summary: Text
    actions: Texts


class Maintenance(Part):
    formula: Text
    goal: Text
    moves: Keyed(v.MAINTENANCE_MOVES, Move)


class ChurnCause(Part):
    label: Text
    signs: Text
    repair: TemplateText


class Rfm(Part):
    """When a customer of a tier counts as drifting away (recency, frequency, monetary)."""

    recency_days: Annotated[int, Field(ge=1, le=3650)]
    min_contacts_per_year: Annotated[int, Field(ge=0, le=365)]
    monetary_note: Text


class Churn(Part):
    normal_rate: Text
    causes: Keyed(v.CHURN_CAUSES, ChurnCause)
    phases: Keyed(v.CHURN_PHASES, Move)
    rfm: Keyed(v.TIERS, Rfm)
    reconnect: Script


class Priority(Part):
    """Weights of the follow-up priority score (see salescoach.core.agenda.score)."""

    promise: float
    overdue_per_day: float
    overdue_cap_days: Annotated[int, Field(ge=0)]
    tier: Keyed(v.TIERS, float)
    stage: Keyed(("1", "2", "3"), float)
    churn_risk: float


class Address(Part):
    """How a customer is addressed, and how their family is spoken of (아들 -> 아드님), in this language.

    ``with_honorific`` places a title written in this language's script; a title in the other script (사장님 in
    English, Ms. in Korean) is first looked up in ``titles`` (this language's word for it), else placed by
    ``other_title``, else dropped for the ``plain`` form. ``honorific_suffix`` completes a bare Korean title
    the rep typed (과장 -> 과장님); ``family`` maps a plain family word at the start of a word of the rep's
    speaking phrase to its honorific form.
    """

    with_honorific: TemplateText
    plain: TemplateText
    other_title: TemplateText | None = None
    titles: dict[Text, Text] = Field(default_factory=dict)
    honorific_suffix: str = ""
    family: dict[Text, Text] = Field(default_factory=dict)


class CheckPhrase(Part):
    """A phrase a message should not use, and a neutral way to say what the rep meant.

    ``text`` is whole, as a rep would write it: the drill card shows it to be said again without pressure.
    ``also`` are the other spellings and word stems the check finds for it ("today only" beside "only today",
    "내일부터 오릅" for every ending of "내일부터 오릅니다"), so one card drills them all.
    """

    text: Text
    also: list[Text] = []
    rewrite: Text


class CheckRule(Part):
    """A kind of wording the message check flags (pressure, false urgency, a claim the rep may not make)."""

    label: Text
    why: Text
    phrases: Annotated[list[CheckPhrase], Field(min_length=1)]


class CheckDetail(Part):
    """A communication detail a good message shows, known by its words; with ``triggers``, owed only after a no."""

    label: Text
    why: Text
    markers: Texts
    triggers: list[Text] | None = None
    rewrite: Text
    titles: list[Text] | None = None  # name: words that greet by name (Mr., Dear; 과장님, 님)
    other_name: TemplateText | None = None  # name: why a greeting of another {name} is a finding


class MessageCheck(Part):
    """What `salescoach check` looks for in a drafted SMS or e-mail (a pack adds rules by id)."""

    rules: dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")], CheckRule]
    details: Keyed(v.MESSAGE_DETAILS, CheckDetail)


class ScoreCheck(Part):
    """One yes/no check of the visit scorecard, with the tip the rep gets when it is missed."""

    label: Text
    work_on: Text  # a few words after "To work on:" in the score line ("no pressure", "name and title")
    habit: Text  # the habit, said as what to do next time ("ask for Feedback before you leave")
    tip: Text
    weight: Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]


def _phase(phase: str) -> type:
    class Phase(Part):
        label: Text
        checks: Keyed(v.SCORECARD[phase], ScoreCheck)

    Phase.__name__ = Phase.__qualname__ = f"ScorePhase_{phase}"
    return Phase


class Scorecard(Part):
    """The visit scorecard's rubric, phase by phase (see :mod:`salescoach.core.scorecard`)."""

    greeting: _phase("greeting")
    deepening: _phase("deepening")
    closing: _phase("closing")
    followup: _phase("followup")
    communication: _phase("communication")
    neutral: _phase("neutral")


class Drill(Part):
    """What the rep is asked to do with each kind of practice card (see :mod:`salescoach.core.drills`)."""

    refusal: Text
    question: Text
    neutral: Text
    followup: Text
    address: Text  # the sample customer the model answers speak to ("Ms. Park")


class Playbook(Part):
    """A complete, merged playbook (an industry pack after merging with what it extends)."""

    name: Text
    title: Text
    language: Literal[v.LANGUAGES]
    version: Annotated[int, Field(ge=1)]
    extends: str | None = None
    address: Address
    premise: Premise
    questions: Keyed(v.QUESTIONS, Question)
    values: Values
    stages: Stages
    communication: Keyed(v.COMMUNICATION, Communication)
    topics: Topics
    maintenance: Maintenance
    churn: Churn
    priority: Priority
    message_check: MessageCheck
    scorecard: Scorecard
    drill: Drill
