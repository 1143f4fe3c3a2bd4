import pytest

from salescoach.core.performance import performance
from salescoach.render.stats import bar

pytestmark = pytest.mark.usefixtures("backend")  # the contract: the same on SQLite and PostgreSQL


def test_performance_formula():
    result = performance(contacts=100, sales=10, amount=50_000, buyers=8, repeat_buyers=2, margin=0.2)
    assert (result.conversion_rate, result.average_order, result.repurchase_rate) == (0.1, 5000, 0.25)
    assert result.result == 100 * 0.1 * 5000 * 0.25 * 0.2
    assert performance(0, 0, 0, 0, 0, None).result == 0


def test_bars_scale_to_the_largest():
    assert bar(10, 10) == "█" * 20 and bar(0, 10) == "" and bar(5, 10) == "█" * 10


def test_stats_from_the_loop(cli):
    cli("customer", "add", "Lee", "--tier", "warm")
    cli(
        "debrief",
        "Lee",
        "--no-input",
        "--channel",
        "visit",
        "--outcome",
        "sale",
        "--amount",
        "1200",
        "--promise",
        "send papers@+2d",
        today="2026-10-01",
    )
    cli(
        "debrief", "Lee", "--no-input", "--channel", "phone", "--outcome", "sale", "--amount", "800", today="2026-11-01"
    )
    cli("followup", "done", "p1", today="2026-10-05")
    cli("customer", "add", "Gone", "--tier", "hot")
    cli(
        "debrief",
        "Gone",
        "--no-input",
        "--channel",
        "phone",
        "--outcome",
        "lost",
        "--lost-reason",
        "untimely",
        today="2026-09-01",
    )
    result = cli.json("stats", "--margin", "0.25")
    book = result["by_tier_and_stage"]
    assert book == {
        "hot": {"1": 1, "2": 0, "3": 0},
        "warm": {"1": 0, "2": 0, "3": 1},
        "general": {"1": 0, "2": 0, "3": 0},
    }
    assert list(book) == ["hot", "warm", "general"]  # every cell, in the method's order, whatever the book holds
    assert (result["promises_due"], result["promises_on_time"], result["promises_late"]) == (1, 0, 1)
    assert result["lost_by_cause"] == {"untimely": 1}
    perf = result["performance"]
    assert (perf["traffic"], perf["conversion_rate"], perf["average_order"], perf["repurchase_rate"]) == (
        3,
        0.6667,
        1000.0,
        1.0,
    )
    assert [month["month"] for month in result["months"]] == ["2026-09", "2026-10", "2026-11"]
    assert "Month by month" in cli("stats").stdout
    assert cli("stats", "--margin", "3", code=2).stderr.startswith("Error: --margin")


def test_customer_names_complete_from_the_store(cli):
    from salescoach.cli.options import complete_customer

    cli("customer", "add", "이서연")
    cli("customer", "add", "이서준")
    cli("customer", "add", "Park")
    assert complete_customer("이서") == ["이서연", "이서준"]
    assert complete_customer("zz") == []


def test_a_share_is_rounded_down_so_only_all_on_time_is_a_perfect_score():
    from salescoach.render.stats import percent

    assert percent(252, 253) == "99% (252/253)"
    assert percent(1, 1) == "100% (1/1)" and percent(0, 3) == "0% (0/3)" and percent(0, 0) == "—"
