"""Score over time: one line per career stage on a common 0–100 scale, with axis labels.

Drawn by textual-plotext (Plotext in a widget) rather than by hand: real axes, ticks and a
legend come for free. Only main-question answers are plotted (see domain.progress), so a
follow-up never shows as a drop.
"""

from __future__ import annotations

from datetime import date

from textual.color import Color
from textual_plotext import PlotextPlot

Series = list[tuple[str, list[tuple[date, int]]]]

Y_TICKS = [0, 25, 50, 75, 100]
# One line per stage in the theme's own colours (readable on light themes too; Textual maps them
# to the terminal's palette on 16-colour terminals).
LINE_COLOURS = ("primary", "warning", "success", "error", "secondary", "accent")


def day_label(day: date) -> str:
    return f"{day.day} {day.strftime('%b')}"


class ScoreChart(PlotextPlot):
    """The chart; `show()` draws a new set of series (an empty set draws an empty frame)."""

    DEFAULT_CSS = """
    ScoreChart {
        height: 1fr;
        min-height: 8;
    }
    """

    _series: Series = []

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda: self.show(self._series), init=False)

    def line_colours(self) -> list[tuple[int, int, int]]:
        theme = self.app.current_theme
        colours = [getattr(theme, name) for name in LINE_COLOURS]
        return [Color.parse(c).rgb for c in colours if c] or [Color.parse("ansi_cyan").rgb]

    def show(self, series: Series) -> None:
        self._series = series
        colours = self.line_colours()
        plt = self.plt
        plt.clear_figure()
        plt.title("Score over time (main question, daily average)")
        plt.ylim(0, 100)
        plt.yticks(Y_TICKS)
        days = sorted({day for _, points in series for day, _ in points})
        if not days:
            plt.xticks([])
            self.refresh()
            return
        first = days[0]
        for index, (name, points) in enumerate(s for s in series if s[1]):
            colour = colours[index % len(colours)]
            xs = [(day - first).days for day, _ in points]
            ys = [score for _, score in points]
            plt.plot(xs, ys, label=name, marker="braille", color=colour)
            plt.scatter(xs, ys, marker="●", color=colour)  # each day's score, also a lone one
        span = max((days[-1] - first).days, 1)
        plt.xlim(0, span)
        ticks = sorted({0, span // 2, span}) if span > 1 else [0, 1]
        plt.xticks(ticks, [day_label(first.fromordinal(first.toordinal() + t)) for t in ticks])
        self.refresh()


def summary_lines(series: Series) -> list[str]:
    """The same figures as text: per stage, first → latest day's score, best, days practised."""
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
