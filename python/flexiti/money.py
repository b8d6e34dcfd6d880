"""Cents (the C API's int64) <-> Decimal, exactly."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

MAX_CENTS = 9_999_999_999_999_999


def to_decimal(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def to_cents(amount: "Decimal | int | str") -> int:
    """Decimal('12.34') -> 1234. Refuses floats (inexact) and more than two decimals."""
    if isinstance(amount, float):
        raise TypeError("use Decimal or str for money, not float")
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
