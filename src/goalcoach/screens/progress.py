"""Progress: every attempt in a sortable, filterable table, the score trend, weak spots, and
what to practise next (started with one key).

History is loaded in a thread worker after the first paint: a profile can hold 10,000 attempts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import ContentSwitcher, DataTable, Input, Static
from textual.worker import Worker, WorkerState

from goalcoach.domain.practise_next import Suggestion
from goalcoach.domain import progress as pm
from goalcoach.domain.duration import format_duration
from goalcoach.screens.base import BaseScreen
from goalcoach.screens.keys import SHARED_KEYS
from goalcoach.widgets.score_chart import ScoreChart, Series, summary_lines
from goalcoach.widgets.save_state import AppHeader
from goalcoach.widgets.footer import KeyFooter
from goalcoach.widgets.line_input import LineInput

# A DataTable measures every cell it holds, so it gets one page of the (filtered, sorted) history
# at a time: 10,000 rows would take seconds on every sort or keystroke in the filter.
PAGE_SIZE = 200
# Progress works on the newest attempts only (years of daily practice): with a million stored,
# reading and holding them all would take tens of seconds and gigabytes. Older attempts stay in
# the profile and in every export.
HISTORY_WINDOW = 5_000
KIND_FILTERS: tuple[str | None, ...] = (None,) + pm.KINDS
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("date", "Date", 16),
    ("kind", "Kind", 8),
    ("scenario", "Scenario", 28),
    ("score", "Score", 5),
    ("time", "Time", 5),
)
# A narrow table keeps Kind and Score in view: the Scenario column gives up width first, down to
# MIN_SCENARIO; below that the Time column goes (an attempt's details show it), then Kind.
MIN_SCENARIO = 18
CELL_PADDING = 2  # a DataTable cell's padding, left and right
TABLE_EDGE = 4  # the vertical scrollbar and the sort mark beside one heading
LEFT_OUT_FIRST = ("time", "kind")


def fit_columns(width: int) -> list[tuple[str, str, int]]:
    """The columns a table `width` cells wide shows, Scenario as wide as the room allows."""
    columns = list(COLUMNS)

    def scenario_room(shown: list[tuple[str, str, int]]) -> int:
        others = sum(w for k, _, w in shown if k != "scenario")
        return width - TABLE_EDGE - others - CELL_PADDING * len(shown)

    for key in LEFT_OUT_FIRST:
        if scenario_room(columns) < MIN_SCENARIO:
            columns = [c for c in columns if c[0] != key]
    scenario = max(MIN_SCENARIO, min(dict((k, w) for k, _, w in COLUMNS)["scenario"], scenario_room(columns)))
    return [(k, label, scenario if k == "scenario" else w) for k, label, w in columns]


@dataclass
class History:
    """What the worker loads and works out, so the main thread only fills widgets."""

    attempts: list[dict[str, Any]]
    now: datetime
    suggestion: Suggestion | None
    week: pm.WeekStats
    streak: int
    series: Series
    weak: list[pm.Label]
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    search: dict[str, str] = field(default_factory=dict)
    #: More attempts are stored than the HISTORY_WINDOW newest ones shown.
    older: bool = False


def read_history(profile: Any, now: datetime) -> History:
    """Everything the screen shows, worked out from the profile (slow for big histories)."""
    from goalcoach.screens.home_stats import suggestion_for

    attempts = profile.recent_attempts(HISTORY_WINDOW + 1)
    older = len(attempts) > HISTORY_WINDOW
    attempts = attempts[-HISTORY_WINDOW:]
    stages = pm.stages_with_attempts(attempts)
    series: Series = [(pm.STAGE_LABELS.get(stage, stage), pm.score_history(attempts, now, stage)) for stage in stages]
    unstaged = [a for a in attempts if not a.get("stage")]
    if unstaged or not stages:
        series.append(("Builder" if stages else "All", pm.score_history(unstaged if stages else attempts, now)))
    return History(
        attempts=attempts,
        now=now,
        suggestion=suggestion_for(profile, attempts, now),
        week=pm.week_stats(attempts, now),
        streak=pm.streak(attempts, now),
        series=[(name, points) for name, points in series if points],
        weak=pm.weak_labels(attempts)[:5],
        by_id={str(a.get("id")): a for a in attempts},
        search={str(a.get("id")): pm.search_text(a) for a in attempts},
        older=older,
    )


PAGE = Binding.Group("Page")


class ProgressScreen(BaseScreen):
    HELP_GUIDE = "progress"
    CSS_PATH = "progress.tcss"
    TITLE = "Progress"

    BINDINGS = [
        Binding("s", "cycle_sort", "Sort", id="progress.sort"),
        Binding("r", "reverse_sort", "Reverse", show=False, id="progress.reverse"),  # in the help; the footer is full
        Binding("k", "cycle_kind", "Kind", id="progress.kind"),
        Binding("slash", "focus_filter", "Filter", id="progress.filter"),
        Binding(SHARED_KEYS["progress.practise_next"], "practise_next", "Practise", tooltip="Practise what the coach suggests next", id="progress.practise_next"),
        Binding("c", "toggle_chart", "Chart", id="progress.chart"),
        Binding("left_square_bracket", "page(-1)", "Previous page", id="progress.previous_page", group=PAGE),
        Binding("right_square_bracket", "page(1)", "Next page", id="progress.next_page", group=PAGE),
        Binding("escape", "leave", "Back", show=False, id="progress.back"),
    ]
    # Under 80 columns the footer leaves these out so Quit and f1 Help stay (help lists them).
    FOOTER_SECONDARY = ("cycle_sort", "cycle_kind")

    def __init__(self) -> None:
        super().__init__()
        self.history: History | None = None
        self.sort_column = "date"
        self.descending = True
        self.kind_filter: str | None = None
        self.shown: list[dict[str, Any]] = []
        self.page = 0
        self.reload_on_resume = False
        self.columns: list[tuple[str, str, int]] = list(COLUMNS)

    # -- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Horizontal(id="progress-body"):
            with ContentSwitcher(id="table-area", initial="attempts-view"):
                with Vertical(id="attempts-view"):
                    with Horizontal(id="filter-bar"):
                        yield LineInput(placeholder="Filter: scenario, question or answer text", id="filter", compact=True)
                        yield Static("", id="table-status", markup=False)
                    table: DataTable[Text] = DataTable(id="attempts", cursor_type="row", zebra_stripes=True)
                    table.show_row_labels = False
                    yield table
                yield ScoreChart(id="chart")
            with VerticalScroll(id="insights"):
                yield Static(Text("Loading your history…", style="italic"), id="week", markup=False)
                yield Static("", id="next", markup=False)
                yield Static("", id="weak", markup=False)
                yield Static("", id="trends", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        # BaseScreen.on_mount runs too (Textual calls every class's handler).
        self.sub_title = "every attempt, your trend, what to practise next"
        self._set_columns()
        self.query_one("#attempts", DataTable).focus()
        self.call_after_refresh(self.load_history)

    # -- loading -------------------------------------------------------------------------------
    def load_history(self) -> None:
        # exit_on_error=False: an unreadable history is reported on the screen, not a crash.
        self.run_worker(self._read_history, thread=True, exclusive=True, group="progress-load", exit_on_error=False)

    def _read_history(self) -> History:
        return read_history(self.app.profile, self.app.now())

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "progress-load":
            return
        if event.state == WorkerState.SUCCESS:
            self.history = event.worker.result
            self.refresh_table()
            self.refresh_insights()
        elif event.state == WorkerState.ERROR:
            self.query_one("#week", Static).update(
                Text(f"Could not read your history: {event.worker.error}", style="bold")
            )

    # -- the table -----------------------------------------------------------------------------
    def _shown_columns(self) -> list[tuple[str, str, int]]:
        table = self.query_one("#attempts", DataTable)
        return fit_columns(table.size.width or self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        # A new width can make room for more of the table, or take it away (after the new layout).
        self.call_after_refresh(self._refit_columns)

    def _refit_columns(self) -> None:
        if self._shown_columns() != self.columns:
            if self.history is None:
                self._set_columns()
            else:
                self.refresh_table(keep_page=True)

    def _set_columns(self) -> None:
        table = self.query_one("#attempts", DataTable)
        table.clear(columns=True)
        self.columns = self._shown_columns()
        for key, label, width in self.columns:
            heading = Text(label)
            if key == self.sort_column:
                heading.append(" ▼" if self.descending else " ▲", style="bold")
            table.add_column(heading, key=key, width=width + (2 if key == self.sort_column else 0))

    def refresh_table(self, *, keep_page: bool = False) -> None:
        if self.history is None:
            return
        table = self.query_one("#attempts", DataTable)
        text = self.query_one("#filter", Input).value
        kept = pm.filter_attempts(self.history.attempts, self.kind_filter, text, self.history.search)
        self.shown = pm.sort_attempts(kept, self.sort_column, self.descending)
        pages = max(1, -(-len(self.shown) // PAGE_SIZE))
        self.page = min(self.page, pages - 1) if keep_page else 0
        first = self.page * PAGE_SIZE
        self._set_columns()
        now = self.history.now
        for attempt in self.shown[first : first + PAGE_SIZE]:
            score = pm.score_of(attempt)
            cells = {
                "date": Text(pm.format_date(attempt.get("created"), now)),
                "kind": Text(str(attempt.get("kind", ""))),
                "scenario": Text(pm.row_label(attempt), no_wrap=True, overflow="ellipsis"),
                "score": Text("—" if score is None else str(score), justify="right"),
                "time": Text(format_duration(attempt.get("seconds")), justify="right"),
            }
            table.add_row(*(cells[key] for key, _, _ in self.columns), key=str(attempt.get("id")))
        kind = self.kind_filter or "all kinds"
        among = f"your latest {len(self.history.attempts):,}" if self.history.older else f"{len(self.history.attempts)}"
        status = f"{len(self.shown)} of {among} · {kind} · by {self.sort_column}"
        if pages > 1:
            status += f" · page {self.page + 1}/{pages} ([ ])"
        self.query_one("#table-status", Static).update(Text(status))

    def action_page(self, step: int) -> None:
        self.page = max(0, self.page + step)
        self.refresh_table(keep_page=True)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self.refresh_table()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            self.query_one("#attempts", DataTable).focus()

    def action_cycle_sort(self) -> None:
        keys = [key for key, _, _ in self.columns]  # the columns on screen (Kind may not fit)
        after = keys.index(self.sort_column) + 1 if self.sort_column in keys else 0
        self.sort_column = keys[after % len(keys)]
        # Newest, highest and longest first are the useful defaults; names read A→Z.
        self.descending = self.sort_column not in ("kind", "scenario")
        self.refresh_table()

    def action_reverse_sort(self) -> None:
        self.descending = not self.descending
        self.refresh_table()

    def action_cycle_kind(self) -> None:
        self.kind_filter = KIND_FILTERS[(KIND_FILTERS.index(self.kind_filter) + 1) % len(KIND_FILTERS)]
        self.refresh_table()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_leave(self) -> None:
        if self.focused is self.query_one("#filter", Input):
            self.query_one("#attempts", DataTable).focus()
        else:
            self.app.action_back()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if self.history is None:
            return
        attempt = self.history.by_id.get(str(event.row_key.value))
        if attempt is not None:
            from goalcoach.screens.attempt_detail import AttemptDetailScreen

            self.app.push_screen(AttemptDetailScreen(attempt, now=self.history.now))

    # -- insights --------------------------------------------------------------------------
    def refresh_insights(self) -> None:
        history = self.history
        if history is None:
            return
        week = Text()
        week.append(f"{history.week.this_week}", style="bold")
        if history.older:
            week.append(f" this week · your latest {history.week.total:,} shown")
        else:
            week.append(f" this week · {history.week.total} in all")
        if history.week.latest_score is not None:
            week.append(" · latest ")
            week.append(f"{history.week.latest_score}/100", style="bold")
        if self.app.profile.setting("streaks", False):
            week.append(f"\nStreak: {history.streak} day" + ("" if history.streak == 1 else "s") + " of practice")
        self.query_one("#week", Static).update(week)
        self._show_trends(history.series)
        self.query_one("#weak", Static).update(self._weak_text(history.weak))
        self.query_one("#next", Static).update(self._next_text(history.suggestion, self.key("progress.practise_next")))

    def _show_trends(self, series: Series) -> None:
        # Daily averages: "best" below is the best day, not the best single answer.
        text = Text("Daily average score", style="bold")
        text.append(" (c: chart)" if series else "")
        lines = summary_lines(series)
        text.append("\n" + ("\n".join(lines) if lines else "No scored answers to the main question yet."))
        self.query_one("#trends", Static).update(text)
        self.query_one("#chart", ScoreChart).show(series)

    def action_toggle_chart(self) -> None:
        switcher = self.query_one("#table-area", ContentSwitcher)
        showing_chart = switcher.current == "chart"
        switcher.current = "attempts-view" if showing_chart else "chart"
        if showing_chart:
            self.query_one("#attempts", DataTable).focus()

    @staticmethod
    def _weak_text(labels: list[pm.Label]) -> Text:
        text = Text("Often wrong (last 10): ", style="bold")
        if not labels:
            text.append("nothing yet", style="italic")
        for i, label in enumerate(labels):
            text.append(" · " if i else "")
            text.append(f"{label.count}× ", style="bold")
            text.append(label.title)
        return text

    @staticmethod
    def _next_text(suggestion: Suggestion | None, key: str) -> Text:
        text = Text(f"Practise next ({key}): ", style="bold")
        if suggestion is None:
            text.append("nothing to suggest: no drills or scenarios are installed", style="italic")
            return text
        text.append(suggestion.lead)
        text.append(f"“{suggestion.title or suggestion.target_id}”", style="italic")
        text.append("\n  " + suggestion.reason)
        return text

    # -- practise next ---------------------------------------------------------------------
    def action_practise_next(self) -> None:
        suggestion = self.history.suggestion if self.history else None
        if suggestion is None:
            self.notify("Nothing to suggest yet.", markup=False)
            return
        screen: Screen
        if suggestion.kind == "drill":
            from goalcoach.screens.drill import DrillScreen

            screen = DrillScreen(start=suggestion.target_id)
        else:  # a scenario, or the person's own target
            from goalcoach.screens.practice import OWN_TARGET, PracticeScreen

            screen = PracticeScreen(start=OWN_TARGET if suggestion.kind == "own_target" else suggestion.target_id)
        self.reload_on_resume = True  # the activity adds attempts: show them on the way back
        self.app.push_screen(screen)

    def on_screen_resume(self) -> None:
        if self.reload_on_resume:
            self.reload_on_resume = False
            self.load_history()

    # -- settings --------------------------------------------------------------------------
    def extra_commands(self):
        on = bool(self.app.profile.setting("streaks", False))
        yield SystemCommand(
            f"Practice streaks (now {'on' if on else 'off'})",
            "Show your run of practice days here and on the home screen",
            self.toggle_streaks,
        )

    def toggle_streaks(self) -> None:
        on = not bool(self.app.profile.setting("streaks", False))
        self.app.save(partial(self.app.profile.set_setting, "streaks", on), lane="settings", then=lambda _: self._streaks_set(on))

    def _streaks_set(self, on: bool) -> None:
        self.notify(f"Practice streaks {'on' if on else 'off'}.", markup=False)
        if self.is_attached:
            self.refresh_insights()
