"""Score over time: one line per career stage on a common 0–100 scale, with axis labels.

Drawn by textual-plotext (Plotext in a widget) rather than by hand: real axes, ticks and a
legend come for free. Only main-question answers are plotted (see domain.progress), so a
follow-up never shows as a drop.
"""

from __future__ import annotations

from datetime import date

from textual_plotext import PlotextPlot

Series = list[tuple[str, list[tuple[date, int]]]]

Y_TICKS = [0, 25, 50, 75, 100]
# Plotext's own colour names, distinct on 16-colour terminals too; one per stage line.
LINE_COLOURS = ("cyan", "magenta", "green", "yellow", "blue", "red")


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

    def show(self, series: Series) -> None:
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
            colour = LINE_COLOURS[index % len(LINE_COLOURS)]
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
