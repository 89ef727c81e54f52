"""Score over time: one line per career stage on a common 0–100 scale, with axis labels.

Drawn by textual-plotext (Plotext in a widget) rather than by hand: real axes and ticks come
for free. The title and the legend are one line above the plot, not Plotext's own: its legend
sits inside the plot's top-left corner and hides the first days' points. Only main-question answers are
plotted (see domain.progress), so a follow-up never shows as a drop.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.color import Color
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static
from textual_plotext import PlotextPlot

Series = list[tuple[str, list[tuple[date, int]]]]

Y_TICKS = [0, 25, 50, 75, 100]
# One line per stage in the theme's own colours (readable on light themes too; Textual maps them
# to the terminal's palette on 16-colour terminals).
LINE_COLOURS = ("primary", "warning", "success", "error", "secondary", "accent")


def day_label(day: date) -> str:
    return f"{day.day} {day.strftime('%b')}"


TITLE = "Score over time (main question, daily average)"
# Shorter titles, tried in turn when the title and the legend do not fit on one line.
SHORTER_TITLES = ("Score over time (main question, daily avg.)", "Score over time (daily avg.)", "Score over time")


def heading(legend: Content, width: int) -> Content:
    """The title and the legend on one line when they fit `width`, the title shortened if need
    be; else the legend on a line of its own."""
    if not legend.plain:
        return Content.styled(TITLE, "bold")
    for title in (TITLE, *SHORTER_TITLES):
        line = Content.assemble((title, "bold"), "  ", legend)
        if line.cell_length <= width:
            return line
    return Content.assemble((TITLE, "bold"), "\n", legend)


class ScoreChart(Vertical):
    """The plot under its title and legend; `show()` draws a new set of series (an empty set
    draws an empty frame and no legend)."""

    DEFAULT_CSS = """
    ScoreChart {
        height: 1fr;
        min-height: 8;
    }
    ScoreChart > PlotextPlot { height: 1fr; }
    ScoreChart > .heading { height: auto; padding: 0 1; text-align: center; }
    ScoreChart > .one-day { display: none; height: 1fr; padding: 1 2; content-align: center middle; text-align: center; }
    /* A single day is no trend: it is said in words, not drawn as a dot on an empty axis. */
    ScoreChart.-one-day > PlotextPlot { display: none; }
    ScoreChart.-one-day > .one-day { display: block; }
    """

    _series: Series = []
    _legend: Content = Content("")

    def compose(self) -> ComposeResult:
        yield Static("", classes="heading", markup=False)
        yield PlotextPlot()
        yield Static("", classes="one-day", markup=False)

    @property
    def plot(self) -> PlotextPlot:
        return self.query_one(PlotextPlot)

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda: self.show(self._series), init=False)

    def on_resize(self) -> None:
        self._show_heading()

    def _show_heading(self) -> None:
        width = self.content_region.width - 2  # the heading's padding
        self.query_one(".heading", Static).update(heading(self._legend, width if width > 0 else 80))

    def line_colours(self) -> list[tuple[int, int, int]]:
        theme = self.app.current_theme
        colours = [getattr(theme, name) for name in LINE_COLOURS]
        return [Color.parse(c).rgb for c in colours if c] or [Color.parse("ansi_cyan").rgb]

    def show(self, series: Series) -> None:
        self._series = series
        colours = self.line_colours()
        plot = self.plot
        plt = plot.plt
        plt.clear_figure()
        plt.ylim(0, 100)
        plt.yticks(Y_TICKS)
        days = sorted({day for _, points in series for day, _ in points})
        self.set_class(len(days) == 1, "-one-day")
        if len(days) == 1:
            self.query_one(".one-day", Static).update(one_day_text(series, days[0]))
        if not days:
            plt.xticks([])
            self._legend = Content("")
            self._show_heading()
            plot.refresh()
            return
        first = days[0]
        keys: list[tuple[str, str] | str] = []
        for index, (name, points) in enumerate(s for s in series if s[1]):
            colour = colours[index % len(colours)]
            xs = [(day - first).days for day, _ in points]
            ys = [score for _, score in points]
            plt.plot(xs, ys, marker="braille", color=colour)
            plt.scatter(xs, ys, marker="●", color=colour)  # each day's score, also a lone one
            keys += ["  " if index else "", ("● " + name, f"bold {Color(*colour).hex}")]
        self._legend = Content.assemble(*keys)
        self._show_heading()
        span = max((days[-1] - first).days, 1)
        plt.xlim(0, span)
        ticks = sorted({0, span // 2, span}) if span > 1 else [0, 1]
        plt.xticks(ticks, [day_label(first.fromordinal(first.toordinal() + t)) for t in ticks])
        plot.refresh()


def one_day_text(series: Series, day: date) -> Content:
    """What the chart says when every score is from one day: the scores, and when a line comes."""
    scores = " · ".join(f"{name} {points[0][1]}/100" for name, points in series if points)
    return Content.assemble(
        (f"All your scores so far are from one day ({day_label(day)}): ", "bold"), scores, "\n\n",
        "The chart draws your trend once you have practised on two different days.",
    )


def summary_lines(series: Series) -> list[str]:
    """The same figures as text: per stage, first → latest day's average, the best day's average,
    days practised (the heading says they are daily averages, not single answers)."""
    lines = []
    for name, points in series:
        if not points:
            continue
        scores = [s for _, s in points]
        days = len(points)
        lines.append(
            f"{name:<11}{scores[0]:>3} → {scores[-1]:>3}  best {max(scores):>3}  "
            f"{days} day{'s' if days != 1 else ''}"
        )
    return lines
