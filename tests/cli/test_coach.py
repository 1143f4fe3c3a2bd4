"""`salescoach coach` on the demo book and on an empty one, in English and Korean, as pages and JSON."""


def test_coach_on_the_demo_book_tells_a_story(cli):
    cli("demo", "--customers", "40", "--seed", "3")
    result = cli.json("coach")
    assert result["visits"] > 100 and 0 < result["average"] <= 100
    assert [check["id"] for check in result["checks"]][:3] == ["name_title", "opener", "asked_area"]
    assert {phase["id"] for phase in result["phases"]} == {
        "greeting",
        "deepening",
        "closing",
        "followup",
        "communication",
        "neutral",
    }
    assert all(0 <= check["recent"] <= 1 for check in result["checks"] if check["recent"] is not None)
    assert result["weakest"]["id"] in {check["id"] for check in result["checks"]}
    assert len(result["months"]) == 12
    page = cli("coach").stdout
    assert "Your habit to work on: " + result["weakest"]["habit"] in page and "Score by month" in page
    korean = cli("--lang", "ko", "coach").stdout
    assert "고쳐 볼 습관" in korean and "Your habit" not in korean


def test_coach_for_one_customer_and_a_span(cli):
    cli("demo", "--customers", "10", "--seed", "3")
    every = cli.json("coach")["visits"]
    one = cli.json("coach", "--customer", "1")
    assert one["customer"] and 0 < one["visits"] < every
    assert cli.json("coach", "--from", "2026-11-01", "--to", "2026-11-25")["visits"] < every


def test_coach_with_no_scored_visits_and_bad_spans(cli):
    assert "No scored visits yet" in cli("coach").stdout
    assert cli.json("coach")["weakest"] is None
    assert "--from" in cli("coach", "--from", "2026-12-01", "--to", "2026-11-01", code=2).stderr
    cli("coach", "--customer", "nobody", code=1)


def test_the_rubric_is_shown_with_ids_and_what_the_record_scores(cli):
    rubric = cli.json("playbook", "show", "bank")["scorecard"]
    closing = {check["id"]: check for check in rubric["closing"]["checks"]}
    assert closing["feedback"]["auto"] is True and closing["feedback"]["label"] == "Asked for Feedback"
    asked = {check["id"]: check["auto"] for check in rubric["communication"]["checks"]}
    assert not any(asked.values()) and set(asked) == {"thanks", "needs", "feelings", "options", "explained_no"}


def test_prep_names_the_habit_to_work_on(cli):
    assert "habit to work on" not in cli("prep", "New Face").stdout  # nothing scored yet: no habit named
    cli("demo", "--customers", "20", "--seed", "3")
    weakest = cli.json("coach")["weakest"]
    brief = cli.json("prep", "1")
    assert brief["habit"] == weakest["habit"]
    assert f"Your habit to work on: {weakest['habit']}" in cli("prep", "1").stdout
    assert "고쳐 볼 습관" in cli("--lang", "ko", "prep", "1").stdout


def test_one_scored_visit_is_said_as_one_and_given_no_level(cli):
    cli("customer", "add", "Lee")
    cli("debrief", "Lee", "--no-input", "--channel", "phone", "--check", "name_title")
    out = cli("coach").stdout
    assert "1 scored visit, score" in out and "Your one scored visit" in out
    assert "scored visits" not in out and "the 5 before" not in out
    assert not any(word in out for word in ("needs work", "developing", "proficient", "excellent"))
    habits = cli.json("coach")
    assert all(check["level"] is None for check in habits["checks"]), habits["checks"]
