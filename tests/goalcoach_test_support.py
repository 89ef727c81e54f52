"""Helpers test modules import by name (a conftest can't be imported: there are two)."""

FIXED_NOW = "2026-11-02T09:00:00+00:00"


def fixed_clock() -> str:
    return FIXED_NOW


class FakeClock:
    """A monotonic clock the test moves by hand (no sleeping tests)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


async def settle(pilot, ready, tries: int = 500) -> None:
    """Let the app catch up (screens push and widgets mount asynchronously) until `ready()`."""
    for _ in range(tries):
        if ready():
            return
        await pilot.pause(0.01)
    raise AssertionError("the app did not reach the expected state")


def record_notifications(app) -> list[str]:
    """Collect what the app tells the person (messages only)."""
    seen: list[str] = []
    notify = app.notify

    def recording(message, *args, **kwargs):
        seen.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = recording
    return seen
