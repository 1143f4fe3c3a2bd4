"""The fixed words of the method: ids that playbooks, records and commands share.

Ids are stable English keys; what a rep reads for each of them lives in the playbooks, in their language.
"""

LANGUAGES = ("en", "ko")

QUESTIONS = ("who", "what", "relevance", "trust", "choose", "now")
"""The six questions a customer silently asks: who are you, what do you want to tell me, what has it to do with
me, why trust you, why choose you, why buy now."""

COMMUNICATION = ("name", "courtesy", "needs", "feelings", "options", "explain")
MESSAGE_DETAILS = ("name", "thanks", "options", "reason")
"""The communication details a drafted message can be checked for from its words alone."""

SCORECARD = {
    "greeting": ("name_title", "opener"),
    "deepening": ("asked_area", "learned"),
    "closing": ("feedback", "benefit", "opportunity"),
    "followup": ("next_in_cadence", "promised"),
    "communication": ("thanks", "needs", "feelings", "options", "explained_no"),
    "neutral": ("no_pressure",),
}
"""The visit scorecard: its phases, in the order of a visit, and the yes/no checks of each (ids unique)."""

SCORE_CHECKS = tuple(check for checks in SCORECARD.values() for check in checks)
"""Every check of the scorecard, in the order of a visit."""

SCORED_FROM_RECORD = ("asked_area", "learned", "feedback", "benefit", "opportunity", "next_in_cadence", "promised")
"""Checks the debrief's own record answers; the rest are asked at the end of the debrief."""

ASKED_CHECKS = tuple(check for check in SCORE_CHECKS if check not in SCORED_FROM_RECORD)
"""Checks only the rep can answer: a yes/no checklist at the end of the debrief, or ``--check``."""
"""The communication details a drafted message can be checked for from its words alone."""
LEVERS = ("identity", "relationship", "benefit")
REFUSALS = ("no_need", "not_interested", "no_time", "another_day")
GOODS = ("reason", "looks", "words", "similarity", "benefit")
GOOD_REASONS = ("advice", "help", "thanks", "congratulations", "gift", "event", "passing_by", "referral")
TRUST_METHODS = ("authority", "social_proof", "questioning")
GREETING_TOPICS = ("person", "family", "business", "weather", "place", "history", "news", "scene")
DEEPENING_AREAS = ("family", "work", "leisure", "information")

TIERS = ("hot", "warm", "general")
"""Follow-up tiers: hot has named a product, warm has buying power and a clear need, general has a need."""

FOLLOWUP_TYPES = ("unfinished", "help", "info", "care")
CHANNELS = ("visit", "phone", "sms", "video", "event")
OUTCOMES = ("none", "progress", "sale", "lost")
MAINTENANCE_MOVES = ("embarrassing", "inconvenient", "unwilling", "churn")
CHURN_CAUSES = (
    "inconvenient",
    "untimely",
    "unfriendly",
    "unprofessional",
    "not_worth_it",
    "dislike",
    "dishonest",
)
CHURN_PHASES = ("warning", "rescue", "aftercare")

NOTE_KINDS = ("family", "work", "leisure", "interest", "need", "pain", "hometown", "school", "workplace", "other")
PERSONAL_NOTE_KINDS = ("family", "leisure", "work")
"""Note kinds a personal greeting or an everyday-care touch may speak of (``{detail}``): things in a customer's life
that move on. Needs and pains are business, an interest is what they follow (markets, cars), hometown, school and
workplace are what the rep has in common with them, and "other" holds reminders ("Allergic to cats!", "prefers
texts"): none of these is asked after with "how is it going?"."""
REMINDER_NOTE_KINDS = (*PERSONAL_NOTE_KINDS, "interest", "other")
"""Note kinds worth a glance before walking in, beside an opener that speaks of no note ("Remember: ...")."""

COMMONALITY_NOTE_KINDS = ("hometown", "school", "workplace")
"""Note kinds that record something the rep shares with the customer (the 'similarity' good)."""

DATE_KINDS = {
    "birthday": "care",
    "anniversary": "care",
    "renewal": "info",
    "rate_reset": "info",
    "lease_end": "info",
    "other": "care",
}
"""Kinds of important dates, with the follow-up type their reminder takes (care is personal, info is business)."""
MAX_LEAD_DAYS = 60


def word(key: str | None) -> str:
    """How the rep reads one of the ids above (a tier, channel, follow-up type, note kind, outcome, status or
    record column) in the interface language: a Korean page says 의향, 전화, 가족, never hot, phone, family.
    The ids themselves stay English in JSON, in files and on the command line."""
    from salescoach.i18n import _

    if not key:
        return ""
    words = {
        "hot": _("hot"),
        "warm": _("warm"),
        "general": _("general"),
        "visit": _("visit"),
        "phone": _("phone"),
        "sms": _("sms"),
        "video": _("video"),
        "event": _("event"),
        "unfinished": _("unfinished"),
        "help": _("help"),
        "info": _("info"),
        "care": _("care"),
        "none": _("none"),
        "progress": _("progress"),
        "sale": _("sale"),
        "lost": _("lost"),
        "family": _("family"),
        "work": _("work"),
        "leisure": _("leisure"),
        "interest": _("interest"),
        "need": _("need"),
        "pain": _("pain"),
        "hometown": _("hometown"),
        "school": _("school"),
        "workplace": _("workplace"),
        "other": _("other"),
        "note": _("note"),
        "promise": _("promise"),
        "followup": _("follow-up"),
        "purchase": _("purchase"),
        "date": _("date"),
        "done": _("done"),
        "planned": _("planned"),
        "overdue": _("overdue"),
        "open": _("not kept yet"),
        "kept_on_time": _("kept on time"),
        "kept_late": _("kept late"),
        "feedback": _("feedback"),
        "benefit": _("benefit"),
        "opportunity": _("opportunity"),
        "due": _("due"),
        "channel": _("channel"),
        "amount": _("amount"),
        "score": _("score"),
    }
    return words.get(key, key)
