import pytest
from hypothesis import given
from hypothesis import strategies as st

from salescoach.core.details import family_name, honour_family
from salescoach.playbook.template import (
    TemplateError,
    check_template_list,
    fill,
    fill_best,
    final_sound,
    particle,
    placeholders,
)


def test_fills_known_placeholders_and_literal_braces():
    assert fill("Hello {address}, {{not a blank}}", {"address": "Ms. Lee"}) == "Hello Ms. Lee, {not a blank}"


def test_missing_value_shows_a_visible_blank():
    assert fill("Hi {address}, I am {rep}", {"address": "Ms. Lee"}) == "Hi Ms. Lee, I am ‹rep›"


@pytest.mark.parametrize(
    "template", ["{nmae}", "{0.__class__}", "{name.__class__}", "{name[0]}", "{}", "a { b", "{name.say}", "{x|을}"]
)
def test_rejects_anything_but_documented_names(template):
    with pytest.raises(TemplateError):
        placeholders(template)


def test_list_errors_name_the_item():
    with pytest.raises(TemplateError) as caught:
        check_template_list(["{name}", "{nmae}"])
    assert (caught.value.index, caught.value.token, caught.value.problem) == (1, "nmae", "unknown")
    with pytest.raises(TemplateError) as caught:
        check_template_list(["a { b"])
    assert (caught.value.index, caught.value.token, caught.value.problem) == (0, "{", "stray")


@pytest.mark.parametrize(
    "template",
    [
        "{detail}",
        "Remember: {detail}",
        "How are you, {address}? (Your note: {detail})",
        'You said "{need}", so I thought of you.',
        "“{need}”라고 하셨지요.",
        "Promised — {promise}",
        "Promised: {promise}. Here it is.",
        "{address}, how is {detail.say} going?",
        "{family.say|은} 요즘 어떠세요?",
    ],
)
def test_free_text_may_stand_set_off_and_its_spoken_phrase_anywhere(template):
    placeholders(template)


@pytest.mark.parametrize(
    "template",
    [
        "last time you told me about {detail}. How is that going?",
        "How is {detail}?",
        "You enjoy {interest}",
        "{need} 때문이라면",
        "지난번에 {detail} 이야기해 주셨지요.",
        "Remember: {detail} and ask about it.",
        "e-{detail}",
        '"{need} and more',
    ],
)
def test_free_text_inside_a_sentence_is_an_error(template):
    with pytest.raises(TemplateError) as caught:
        placeholders(template)
    assert caught.value.problem == "inline"


def test_a_particle_needs_a_fixed_form_and_a_known_particle():
    with pytest.raises(TemplateError) as caught:
        placeholders("{need|이} 필요하시죠")
    assert caught.value.problem == "particle_free"
    with pytest.raises(TemplateError) as caught:
        placeholders("{name|에서}")
    assert (caught.value.problem, caught.value.token) == ("particle", "에서")
    with pytest.raises(TemplateError) as caught:
        placeholders("{name|}")
    assert caught.value.problem == "particle"


def test_a_list_needs_a_line_that_uses_no_note():
    with pytest.raises(TemplateError) as caught:
        check_template_list(["Remember: {detail}", "{address}, how is {need.say}?"])
    assert (caught.value.problem, caught.value.index) == ("fallback", 1)
    check_template_list(["Remember: {detail}", "How are you, {address}?"])


@pytest.mark.parametrize(
    ("word", "written", "expected"),
    [
        ("김민준", "을", "을"),
        ("이서연", "을", "을"),
        ("박지수", "를", "를"),
        ("골프", "은", "는"),
        ("가족", "는", "은"),
        ("아드님 대학 입학", "이", "이"),
        ("큰 차", "이", "가"),
        ("서울", "으로", "로"),
        ("부산", "로", "으로"),
        ("학교", "으로", "로"),
        ("친구", "와", "와"),
        ("동생", "와", "과"),
        ("2026", "를", "을"),
        ("2022", "을", "를"),
        ("10", "이", "이"),
        ("7", "으로", "로"),
        ("BMW", "를", "를"),
        ("LG", "을", "를"),
        ("Samsung", "을", "을"),
        ("Tesla", "을", "를"),
        ("KTX", "이", "가"),
        ("Paul", "으로", "로"),
        ("맛집)", "이", "이"),
    ],
)
def test_particles_follow_the_final_sound(word, written, expected):
    assert particle(word, written) == expected


def test_an_unreadable_end_gets_both_forms():
    assert final_sound("ㅋㅋ") is None
    assert particle("ㅋㅋ", "을") == "을(를)" and particle("★", "로") == "(으)로"


def test_fill_chooses_the_particle_and_keeps_the_phrase():
    values = {"family.say": "아드님 대학 입학", "company": "한빛물류"}
    line = fill("{family.say|은} 잘 되어 가세요? {company|와} 거래는요?", values)
    assert line == "아드님 대학 입학은 잘 되어 가세요? 한빛물류와 거래는요?"


@pytest.mark.parametrize("note", ["Allergic to cats!", "Her son starts university in March.", "Really?", "끝났음."])
def test_a_note_with_its_own_punctuation_is_not_doubled(note):
    line = fill("Remember: {detail}. Then ask.", {"detail": note})
    assert line == f"Remember: {note} Then ask."
    assert ".." not in fill("(Your note: {detail}).", {"detail": note}).replace("...", "")


def test_a_question_stays_a_question_after_an_abbreviation():
    assert fill("Still with {company}?", {"company": "Hanbit Co."}) == "Still with Hanbit Co.?"
    assert fill("Still with {company}?", {"company": "Hanbit!"}) == "Still with Hanbit!"


def test_fill_best_prefers_the_first_complete_line():
    lines = ["How is {detail.say} going?", "How are you, {address}? (Your note: {detail})", "Hello, {address}."]
    assert fill_best(lines, {"address": "Mr. Park"}) == "Hello, Mr. Park."
    raw = {"address": "Mr. Park", "detail": "plays golf on Saturdays"}
    assert fill_best(lines, raw) == "How are you, Mr. Park? (Your note: plays golf on Saturdays)"
    said = {**raw, "detail.say": "your Saturday golf"}
    assert fill_best(lines, said) == "How is your Saturday golf going?"


@given(st.text())
def test_values_are_never_reinterpreted(value):
    assert fill("<{name}>", {"name": value or "x"}) == f"<{value or 'x'}>"


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("Park Soyeon", "Park"),
        ("Soyeon Park", "Park"),
        ("Lee Jiwoo", "Lee"),
        ("John Kim", "Kim"),
        ("Anna Schmidt", "Schmidt"),
        ("박소연", "박"),
        ("남궁민수", "남궁"),
        ("이 서연", "이"),
        ("Cher", "Cher"),
        ("Doyun Cho 269", "Cho"),
    ],
)
def test_the_family_name_is_found_in_either_order(name, family):
    assert family_name(name) == family


def test_the_customers_family_is_honoured_but_other_words_are_not():
    family = {"아들": "아드님", "딸": "따님", "아이들": "자녀분들"}
    assert honour_family("아들 대학 입학", family) == "아드님 대학 입학"
    assert honour_family("딸이 영어 과외", family) == "따님이 영어 과외"
    assert honour_family("딸기 농장", family) == "딸기 농장"
    assert honour_family("아이들 방학", family) == "자녀분들 방학"
