"""Derived figures: their formulas, cycles, and the precision their inputs support (significant digits, rounding). No I/O."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal

# A value worded as a bound is exact as a bound; a derived bound is rounded so that it stays true.
BOUNDS = {"more than": ROUND_FLOOR, "at least": ROUND_FLOOR, "up to": ROUND_CEILING, "less than": ROUND_CEILING}
ALL_DIGITS = 15  # what a float holds: the precision of a result whose inputs are all bounds


def derive(formula: str, inputs: list[float]) -> float:
    """Compute a derived figure's value from its inputs' values."""
    if formula == "prior_from_growth":
        value, growth = inputs
        return value / (1 + growth / 100)
    first, second = inputs
    return first / second


def significant(value: float) -> int:
    """Significant digits of a stored number: 702000000000 has 3, 13 has 2, 1.75 has 3."""
    digits = f"{abs(value):.15g}".split("e")[0].replace(".", "").strip("0")
    return max(len(digits), 1)


def rounded(value: float, digits: int, qualifier: str) -> float:
    """`value` to `digits` significant digits: down for a lower bound (more than), up for an upper one, else nearest."""
    if value == 0:
        return 0.0
    exact = Decimal(f"{value:.12g}")  # the formula's float noise cut off first
    step = Decimal(1).scaleb(exact.adjusted() - digits + 1)
    return float(exact.quantize(step, rounding=BOUNDS.get(qualifier, ROUND_HALF_EVEN)))


def supported(formula: str, inputs: list[tuple[float, str]], qualifier: str) -> tuple[float, int]:
    """A derived value at the precision its inputs, (value, qualifier) pairs, support; and that many digits.

    An input worded as a bound (more than 1 trillion) is taken as written; any other input is taken as rounded at its
    last significant digit, so the result keeps the fewest significant digits of those inputs.
    """
    digits = min((significant(value) for value, said in inputs if said not in BOUNDS), default=ALL_DIGITS)
    return rounded(derive(formula, [value for value, _ in inputs]), digits, qualifier), digits


def in_cycle(start: str, figures: dict) -> bool:
    """Whether the derived figure `start` depends, through its inputs, on itself."""
    stack, seen = [start], set()
    while stack:
        current = figures.get(stack.pop())
        if current is None or current.derived is None:
            continue
        for name in current.derived.inputs:
            if name == start:
                return True
            if name not in seen:
                seen.add(name)
                stack.append(name)
    return False
