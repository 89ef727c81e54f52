"""Helpers test modules import by name (a conftest can't be imported: there are two)."""

FIXED_NOW = "2026-11-02T09:00:00+00:00"


def fixed_clock() -> str:
    return FIXED_NOW
