"""Units of measure: their words, the exact factors between them, and the units of open
mode's numeric attributes.

Both reading modes compare a quantity the sentence says ("154 pounds") with a function
that counts some unit (``weight_kg``, a rule file's; ``weight``, open mode's): where the
units differ and a defined factor joins them, the reading is rewritten with the factor
(``declared_glosses.units_converted``); where none does, it is doubted
(``declared_glosses.units_mismatched``). Factors are exact by definition (a pound is
0.45359237 kg), never measured or averaged (a month is no whole number of weeks).

>>> EXACT_FACTORS["lb", "kg"], EXACT_FACTORS["week", "day"], ("month", "week") in EXACT_FACTORS
(Fraction(45359237, 100000000), Fraction(7, 1), False)
"""

from __future__ import annotations

import re
from fractions import Fraction

__all__ = ["UNITS", "UNIT_AFTER", "EXACT_FACTORS", "OPEN_MEASURES"]

# Unit words, each to its unit ("pound" is one of its own: money or weight, never kg).
UNITS = {word: unit for unit, words in {
    "second": "second seconds sec secs", "minute": "minute minutes min mins",
    "hour": "hour hours hr hrs", "day": "day days", "week": "week weeks", "month": "month months",
    "year": "year years",
    "mg": "mg milligram milligrams milligramme milligrammes", "g": "g gram grams gramme grammes",
    "kg": "kg kgs kilo kilos kilogram kilograms kilogramme kilogrammes", "lb": "lb lbs",
    "oz": "oz ounce ounces", "ml": "ml millilitre millilitres milliliter milliliters",
    "l": "l litre litres liter liters",
    "mm": "mm millimetre millimetres millimeter millimeters", "cm": "cm centimetre centimetres centimeter centimeters",
    "m": "m metre metres meter meters", "km": "km kilometre kilometres kilometer kilometers",
    "inch": "inch inches", "foot": "foot feet ft", "mile": "mile miles",
    "pound": "pound pounds", "dollar": "dollar dollars usd", "euro": "euro euros eur",
}.items() for word in words.split()}
UNIT_AFTER = re.compile(r"[\s-]*([A-Za-z]+)")

# Open mode's numeric attributes (``candidates._ATTRIBUTE_CUES``) in the units the
# generator says them in (``training.lexicon.ATTRIBUTES``: "{value} years old",
# "{value} centimeters tall", "{value} kilograms", "{value} meters long"); a test keeps the
# two in step. Price is left out: no currency is an exact factor of another.
OPEN_MEASURES: dict[str, tuple[str | None, str | None]] = {
    "age": ("year", None), "height": ("cm", None), "weight": ("kg", None), "length": ("m", None)}


def _exact_factors() -> dict[tuple[str, str], Fraction]:
    """How many of the second unit one of the first is, for every pair of units that an
    exact (defined, not measured) chain of factors joins: weeks to days 7, pounds to kg
    0.45359237, years to months 12; not months to weeks or days."""
    steps = {("minute", "second"): 60, ("hour", "minute"): 60, ("day", "hour"): 24, ("week", "day"): 7,
             ("year", "month"): 12, ("kg", "g"): 1000, ("g", "mg"): 1000, ("lb", "kg"): Fraction("0.45359237"),
             ("oz", "lb"): Fraction(1, 16), ("pound", "lb"): 1,  # of a weight; no money unit is joined
             ("l", "ml"): 1000, ("km", "m"): 1000, ("m", "cm"): 100,
             ("cm", "mm"): 10, ("inch", "cm"): Fraction("2.54"), ("foot", "inch"): 12, ("mile", "foot"): 5280}
    factors = {}
    for (a, b), k in steps.items():
        factors[a, b], factors[b, a] = Fraction(k), 1 / Fraction(k)
    changed = True
    while changed:  # close under composition
        changed = False
        for (a, b), k in list(factors.items()):
            for (c, d), m in list(factors.items()):
                if b == c and a != d and (a, d) not in factors:
                    factors[a, d] = k * m
                    changed = True
    return factors


EXACT_FACTORS = _exact_factors()
