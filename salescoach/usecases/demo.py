"""A demo book: a realistic, deterministic synthetic set of customers to try every command on.

Customers spread over the four industries and three tiers; each has about ten contacts over the past year with
FBOs, personal notes, promises (most kept on time, some late, a few still open), purchases for some, and follow-ups
spread over past and future; birthdays, and the contract dates of their trade (a maturity, a lease end). The same
``--seed`` always gives the same book.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from salescoach.core import vocabulary as v
from salescoach.core.scorecard import weights as scorecard_weights
from salescoach.errors import InvalidInput
from salescoach.i18n import _
from salescoach.usecases.app import App

INDUSTRIES = ("bank", "auto", "real_estate", "insurance")
_EN_FAMILY = ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin")
_EN_GIVEN = ("Jiwoo", "Minjun", "Seoyeon", "Hajun", "Jiho", "Suah", "Yejun", "Hayoon", "Doyun", "Jiyu", "Eunwoo")
_KO_FAMILY = ("김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신")
_KO_GIVEN = ("지우", "민준", "서연", "하준", "지호", "수아", "예준", "하윤", "도윤", "지유", "은우")
_COMPANIES = (
    "Hanbit Logistics",
    "Daehan Foods",
    "Seoul Dental",
    "Mirae Print",
    "Blue Harbor Cafe",
    "Namsan Motors",
    "Green Farm",
    "Orbit Software",
    "Sunrise Clinic",
    "Pine Interiors",
)
_KO_COMPANIES = (
    "한빛물류",
    "대한식품",
    "서울치과",
    "미래인쇄",
    "푸른항구카페",
    "남산모터스",
    "초록농장",
    "오르빗소프트",
    "해돋이의원",
    "소나무인테리어",
)
_NOTES = {
    "en": {
        "family": ("Son starts university in March.", "2 kids, 7 & 10", "mum had knee surgery, recovering at home"),
        "leisure": ("plays golf on Saturdays", "golf", "hikes Bukhansan every month w/ college friends"),
        "need": (),  # the customer's trade's own: see _TRADE_NOTES
        "pain": (
            "Cash flow tight every winter.",
            "current insurer slow to pay claims!!",
            "rent went up 15% at renewal",
        ),
        "hometown": ("grew up in Busan", "from Jeonju"),
        "interest": (),
    },
    "ko": {
        "family": ("아들 3월 대학 입학", "부모님 모시고 삶", "애들 둘, 7살·10살"),
        "leisure": ("토요일마다 골프", "와인 모임 나가심", "매달 북한산 등산 (대학 동기들과)"),
        "need": (),
        "pain": ("대출 이자 부담이 큼", "지금 보험사 보험금 지급 늦음!!", "재계약 때 월세 15% 오름"),
        "hometown": ("부산 출신", "고향 전주"),
        "interest": (),
    },
}
"""Notes as reps write them on a pad: fragments, sentences, numbers, exclamations; every line must survive them.
A family note fits a customer of any title (a "wife" for a Ms. would not), and a customer has one hometown."""
_TRADE_NOTES = {
    "en": {
        "bank": {
            "need": ("wants lower monthly payments", "saving for a first home (2 yrs)", "fund for the kids' tuition"),
            "interest": ("follows the stock market closely", "reads up on ETFs"),
        },
        "auto": {
            "need": (
                "wants lower monthly payments",
                "needs a 7-seater, 3rd kid on the way",
                "long commute, wants an EV",
            ),
            "interest": ("asked about EVs twice", "likes SUVs"),
        },
        "real_estate": {
            "need": (
                "needs a 3rd bedroom, 3rd kid on the way",
                "saving for a first home (2 yrs)",
                "near the kids' school",
            ),
            "interest": ("watches prices in Bundang", "asked about officetels twice"),
        },
        "insurance": {
            "need": ("wants lower monthly payments", "wants cover for the kids", "retirement in 15 yrs, no plan yet"),
            "interest": ("asked about dental cover twice", "reads up on pension plans"),
        },
    },
    "ko": {
        "bank": {
            "need": ("월 납입금 줄이고 싶어 함", "2년 안에 첫 집 마련", "애들 학자금 준비"),
            "interest": ("주식 시장 꼼꼼히 봄", "ETF 공부 중"),
        },
        "auto": {
            "need": ("월 납입금 줄이고 싶어 함", "7인승 필요, 셋째 출산 예정", "출퇴근 멀어서 전기차 고민"),
            "interest": ("전기차 두 번 물어보심", "SUV 좋아하심"),
        },
        "real_estate": {
            "need": ("방 하나 더 필요, 셋째 출산 예정", "2년 안에 첫 집 마련", "애들 학교 근처 희망"),
            "interest": ("분당 시세 챙겨 보심", "오피스텔 두 번 물어보심"),
        },
        "insurance": {
            "need": ("월 납입금 줄이고 싶어 함", "애들 보장 원하심", "15년 뒤 은퇴, 준비 없음"),
            "interest": ("치아 보험 두 번 물어보심", "연금 상품 공부 중"),
        },
    },
}
"""The needs and interests of each trade's customers (the default playbook's take the bank's): a property client
has no car to talk about."""
_MORE_NOTES = {
    "en": (
        ("other", "Allergic to cats!"),
        ("other", "prefers texts to calls; never before 10am"),
        ("family", ("spouse is a nurse, works nights", "daughter just started piano", "in-laws moving in next month")),
        ("leisure", "Big Doosan Bears fan"),
        ("need", "wants it settled before the Chuseok trip"),
        ("interest", "reads the business pages every morning"),
        ("workplace", "was at Hyundai Steel for 10 yrs"),
        ("work", "just promoted to branch manager"),
    ),
    "ko": (
        ("other", "고양이 알레르기 있음!"),
        ("other", "전화보다 문자 선호, 오전 10시 전엔 X"),
        ("family", ("배우자 간호사, 야간 근무", "딸 피아노 시작함", "아들 내년 군 입대")),
        ("leisure", "두산 베어스 열성 팬"),
        ("need", "추석 전에 마무리하고 싶어 하심"),
        ("interest", "매일 아침 경제 신문 보심"),
        ("workplace", "현대제철 10년 근무"),
        ("work", "지점장으로 승진"),
    ),
}
"""More notes a rep picks up over a year, drawn from a random source of their own (see :func:`_more_notes`)."""
_FBO = {
    "en": (
        ("liked the proposal", "a comparison of three options", "coffee next week"),
        ("unsure about the price", "a clearer cost breakdown", "call on Friday"),
        ("happy with the service", "early notice of the new product", "invitation to the client event"),
    ),
    "ko": (
        ("제안이 마음에 든다고 하심", "세 가지 안 비교 자료", "다음 주 커피"),
        ("가격이 고민된다고 하심", "비용 내역 정리본", "금요일 통화"),
        ("서비스에 만족하심", "신상품 사전 안내", "고객 행사 초대"),
    ),
}


class DemoResult(NamedTuple):
    customers: int
    notes: int
    visits: int
    promises: int
    purchases: int
    followups: int
    dates: int


def build(
    app: App, customers: int, seed: int, language: str, force: bool, progress: Callable[[int], None] = lambda done: None
) -> DemoResult:
    """Fill the store with a demo book of ``customers`` customers; refuses a non-empty store unless ``force``."""
    if customers < 1 or customers > 1_000_000:
        raise InvalidInput(_("--customers: must be between 1 and 1,000,000"))
    rng = random.Random(seed)
    today = app.today
    packs = _available_packs(app)
    default = app.playbook(None)
    cadences = {tier: rule["cadence_days"] for tier, rule in default["topics"]["followup"]["tiers"].items()}
    weights = scorecard_weights(default["scorecard"])
    with app.store() as store, store.transaction():  # the emptiness check holds until the commit: one demo wins
        if store.count_customers() and not force:
            raise InvalidInput(_("the store already holds customers; pass --force to add a demo book anyway"))
        counts = dict.fromkeys(("notes", "visits", "promises", "purchases", "followups", "dates"), 0)
        batch: list = []
        for index in range(customers):
            customer = _customer(rng, index, language, today, packs)
            customer["dates"] = _dates(random.Random(f"dates-{seed}-{index}"), customer["playbook"], today)
            _score_visits(random.Random(f"scores-{seed}-{index}"), customer, cadences, weights, today)
            batch.append(customer)
            if len(batch) == 500 or index == customers - 1:
                for key, value in store.insert_book(batch).items():
                    counts[key] += value
                progress(index + 1)
                batch = []
    return DemoResult(customers=customers, **counts)


def _available_packs(app: App) -> tuple[str | None, ...]:
    """The industry packs that exist here; customers of a missing one get the default playbook."""
    from salescoach.errors import NotFound
    from salescoach.playbook.loader import find_source

    packs = []
    for industry in INDUSTRIES:
        try:
            find_source(industry, app.language, app.where)
            packs.append(industry)
        except NotFound:
            packs.append(None)
    return tuple(packs)


def _customer(rng: random.Random, index: int, language: str, today: date, packs: tuple[str | None, ...]) -> dict:
    """One synthetic customer with a year of history, as plain rows for the store's bulk insert: added to the
    book on the day of their first contact (today if none yet), never after their own history."""
    pack = packs[index % len(packs)]
    trade = {**_NOTES[language], **_TRADE_NOTES[language][pack or "bank"]}
    if language == "ko":
        name = f"{rng.choice(_KO_FAMILY)}{rng.choice(_KO_GIVEN)}"
        honorific, company = rng.choice(("사장님", "과장님", "선생님", "대표님")), rng.choice(_KO_COMPANIES)
    else:
        name = f"{rng.choice(_EN_GIVEN)} {rng.choice(_EN_FAMILY)}"
        honorific, company = rng.choice(("Mr.", "Ms.", "Dr.")), rng.choice(_COMPANIES)
    name = f"{name} {index + 1}"
    tier = rng.choices(v.TIERS, weights=(2, 3, 5))[0]
    cadence = {"hot": 3, "warm": 7, "general": 30}[tier]
    visit_count = rng.randint(0, 20) if rng.random() < 0.9 else 0
    visits, promises, purchases, notes = [], [], [], []
    day = today - timedelta(days=365)
    for _visit in range(visit_count):
        day = min(today - timedelta(days=1), day + timedelta(days=rng.randint(1, max(2, 700 // max(visit_count, 1)))))
        feedback, benefit, opportunity = rng.choice(_FBO[language])
        outcome = rng.choices(("none", "progress", "sale"), weights=(5, 4, 1))[0]
        amount = float(rng.randrange(500, 50_000, 100)) if outcome == "sale" else None
        visits.append(
            {
                "date": day,
                "channel": rng.choice(v.CHANNELS[:3]),
                "feedback": feedback,
                "benefit": benefit,
                "opportunity": opportunity,
                "outcome": outcome,
                "amount": amount,
                "tier": tier,
                "answered": rng.sample(v.QUESTIONS, rng.randint(0, 4)),
            }
        )
        if amount:
            purchases.append({"date": day, "amount": amount, "visit": len(visits) - 1})
        if rng.random() < 0.4:
            due = day + timedelta(days=rng.randint(2, 10))
            kept = due + timedelta(days=rng.choice((-2, -1, 0, 0, 0, 1, 3)))
            if kept > today or (due >= today - timedelta(days=3) and rng.random() < 0.5):
                kept = None  # still owed: due soon, or a few days late
            promises.append({"text": benefit, "made_on": day, "due": due, "kept_on": kept, "visit": len(visits) - 1})
        if rng.random() < 0.3:
            kind = rng.choice(tuple(trade))
            text = rng.choice(trade[kind])
            if not (kind == "hometown" and any(note["kind"] == kind for note in notes)):
                notes.append({"kind": kind, "text": text, "noted_on": day})
    notes += _more_notes(random.Random(f"notes-{name}"), language, visits)
    last_contact = visits[-1]["date"] if visits else None
    followups = []
    for visit in visits:  # a rep who keeps up: past touches were done, the next one is planned
        due = visit["date"] + timedelta(days=cadence + rng.randint(-1, 3))
        done = due if due < today - timedelta(days=2) or rng.random() < 0.3 else None
        if done is None and rng.random() < 0.15:
            continue  # nothing planned: some customers drift towards the at-risk list
        channel, type_ = rng.choice(v.CHANNELS[:3]), rng.choice(v.FOLLOWUP_TYPES)
        followups.append(
            {
                "due": due,
                "done_on": done,
                "channel": channel,
                "type": type_,
                # unfinished business delivers the visit's Benefit; a care call is no pitch, so it carries none
                "note": visit["benefit"] if type_ == "unfinished" else None,
            }
        )
    return {
        "name": name,
        "honorific": honorific,
        "company": company,
        "playbook": pack,
        "tier": tier,
        "stage": 1 + min(2, len(visits) // 4),
        "created": f"{(visits[0]['date'] if visits else today).isoformat()}T09:00:00",
        "last_contact": last_contact,
        "visits": visits,
        "promises": promises,
        "purchases": purchases,
        "notes": notes,
        "followups": followups,
    }


def _more_notes(rng: random.Random, language: str, visits: list[dict]) -> list[dict]:
    """Up to four more notes, each from one of the visits: a year of history reads like a real book.

    Drawn from a random source of their own (seeded by the customer's name), so every other value of a book stays
    what it was for the same seed.
    """
    if not visits:
        return []
    picked = rng.sample(_MORE_NOTES[language], rng.choice((0, 1, 2, 2, 3, 4)))
    days = sorted(rng.choice(visits)["date"] for _note in picked)
    texts = [text if isinstance(text, str) else rng.choice(text) for _kind, text in picked]  # not one family for all
    return [
        {"kind": kind, "text": text, "noted_on": day}
        for (kind, _texts), text, day in zip(picked, texts, days, strict=True)
    ]


_CONTRACT_DATES = {
    "bank": ("renewal", "rate_reset"),
    "insurance": ("renewal",),
    "real_estate": ("lease_end",),
    "auto": ("renewal", "lease_end"),
    None: ("renewal",),
}
"""The important dates of each trade that make a "why now" (each pack has its own word for them)."""


def _dates(rng: random.Random, pack: str | None, today: date) -> list[dict]:
    """A birthday for about a third of the customers and a coming contract date for about a quarter.

    Drawn from a random source of their own (seeded by book seed and customer), so books made before dates
    were added keep every other value for the same seed.
    """
    dates = []
    if rng.random() < 0.35:
        born = date(rng.randint(1955, 1995), rng.randint(1, 12), rng.randint(1, 28))
        dates.append({"kind": "birthday", "month": born.month, "day": born.day, "year": born.year, "lead_days": 3})
    if rng.random() < 0.25:
        when = today + timedelta(days=rng.randint(5, 300))
        kind = rng.choice(_CONTRACT_DATES[pack])
        dates.append(
            {"kind": kind, "month": when.month, "day": when.day, "year": when.year, "yearly": False, "lead_days": 30}
        )
    return dates


_HABITS = {
    "name_title": 0.9,
    "opener": 0.6,
    "thanks": 0.85,
    "needs": 0.7,
    "feelings": 0.25,
    "options": 0.5,
    "explained_no": 0.75,
    "no_pressure": 0.8,
}
"""How often the demo rep remembers each habit the debrief asks about, a year ago. Each improves over the year
but "acknowledged their feelings", which stays the habit to work on, so `coach` has a story to tell."""


def _score_visits(
    rng: random.Random, customer: dict, cadences: dict[str, int], weights: dict[str, float], today: date
) -> None:
    """A scorecard for each visit: the record's checks from the record, the asked ones from the rep's habits.

    Drawn from a random source of its own, so every other value of a seeded book stays what it was.
    """
    from salescoach.core.scorecard import VisitFacts, from_record, score

    planned = sorted(followup["due"] for followup in customer["followups"])
    for index, visit in enumerate(customer["visits"]):
        day = visit["date"]
        facts = VisitFacts(
            day=day,
            topics=(),
            answered=tuple(visit["answered"]),
            feedback=visit["feedback"],
            benefit=visit["benefit"],
            opportunity=visit["opportunity"] if rng.random() < 0.8 else None,
            notes_taken=sum(note["noted_on"] == day for note in customer["notes"]),
            promises_made=sum(promise["visit"] == index for promise in customer["promises"]),
            next_due=next((due for due in planned if due >= day), None),
            cadence_days=cadences[customer["tier"]],
        )
        checks = from_record(facts)
        if rng.random() < 0.3:
            checks["feedback"] = False  # the demo rep sometimes leaves without asking
        progress = 1 - (today - day).days / 365
        for habit, start in _HABITS.items():
            if rng.random() < 0.85:  # the rep answers most questions, and skips a few
                gain = 0 if habit == "feelings" else (1 - start) * 0.6 * progress
                checks[habit] = rng.random() < start + gain
        visit["checks"] = {check: passed for check, passed in checks.items() if passed is not None}
        visit["score"] = score(visit["checks"], weights).percent
