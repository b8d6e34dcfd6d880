"""Money: int cents or decimal.Decimal dollars in, Decimal dollars out; never float.

An amount argument may be
- an int: cents, as in the C API (123456 is $1,234.56);
- a decimal.Decimal or a str: dollars with at most two decimals (Decimal("1234.56"), "1234.56").
A float (inexact), a bool, or more than two decimals raises TypeError / ValueError before
anything is sent. Every amount in a result is a Decimal with two decimals.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Union

Amount = Union[int, Decimal, str]
"""An amount argument: int cents, or Decimal/str dollars."""

MAX_CENTS = 9_999_999_999_999_999
_CENT = Decimal("0.01")


def to_decimal(cents: int) -> Decimal:
    """Cents as exact dollars: 123456 -> Decimal('1234.56')."""
    return (Decimal(cents) / 100).quantize(_CENT)


def to_cents(amount: Amount) -> int:
    """An amount argument as cents: 1234 -> 1234, Decimal('12.34') -> 1234, '12.34' -> 1234."""
    if isinstance(amount, bool) or not isinstance(amount, (int, Decimal, str)):
        raise TypeError(f"an amount is int cents, or Decimal or str dollars; not {type(amount).__name__}")
    if isinstance(amount, int):
        cents = amount
    else:
        try:
            scaled = Decimal(amount) * 100
            exact = scaled.is_finite() and scaled == scaled.to_integral_value()
        except (InvalidOperation, ArithmeticError) as e:
            raise ValueError(f"not an amount: {amount!r}") from e
        if not exact:
            raise ValueError(f"not an amount with at most two decimals: {amount!r}")
        cents = int(scaled)
    if abs(cents) > MAX_CENTS:
        raise ValueError(f"amount out of range: {amount!r}")
    return cents
