"""The method's performance formula, computed from the book:

    performance = traffic × conversion rate × average order value × repurchase rate (× margin)

traffic is the number of contacts, conversion the share of contacts that ended in a sale, average order the mean
sale amount, repurchase rate the share of buyers who bought more than once. With a margin (a fraction, e.g. 0.2)
the result is profit; without it, sales weighted by loyalty.
"""

from __future__ import annotations

from typing import NamedTuple


class Performance(NamedTuple):
    traffic: int
    conversion_rate: float
    average_order: float
    repurchase_rate: float
    margin: float | None
    result: float


def performance(
    contacts: int, sales: int, amount: float, buyers: int, repeat_buyers: int, margin: float | None
) -> Performance:
    conversion = sales / contacts if contacts else 0.0
    average = amount / sales if sales else 0.0
    repurchase = repeat_buyers / buyers if buyers else 0.0
    result = contacts * conversion * average * repurchase * (margin if margin is not None else 1.0)
    return Performance(
        contacts, round(conversion, 4), round(average, 2), round(repurchase, 4), margin, round(result, 2)
    )
