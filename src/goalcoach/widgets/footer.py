"""A footer that keeps the keys that matter when the terminal is narrow.

Textual's Footer shows every shown binding in order and cuts off what does not fit, so on a
narrow terminal the last keys (the app's help and quit) are the first to go. This footer works
out what fits its width before it draws: when not everything does, it leaves out first the
actions a screen (or the focused widget) names in `FOOTER_SECONDARY`, then others from the right,
and never help or quit. Keys left out still work, and the screen's help (f1) lists them.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from typing import Iterable, Iterator

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color, ColorParseError
from textual.widget import Widget
from textual.widgets import Footer, Label

#: Actions the footer always shows (the app's help and quit), however narrow it is.
ALWAYS_SHOWN = frozenset({"help", "quit"})


class KeyFooter(Footer):
    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._width: int | None = None

    # -- what fits -------------------------------------------------------------------------------
    def _entries(self) -> list[tuple[list[str], int, str | None]]:
        """What the footer will draw, in order, as (actions, columns, group label): one entry per
        key, or per group of keys shown with one label. Columns follow FooterKey's styles
        (non-compact: the key padded by one each side, then the description and one space)."""
        by_action: defaultdict[str, list[Binding]] = defaultdict(list)
        for _, binding, _, _ in self.screen.active_bindings.values():
            if binding.show:
                by_action[binding.action].append(binding)
        entries: list[tuple[list[str], int, str | None]] = []
        for group, members_ in groupby(by_action.values(), lambda members: members[0].group):
            members = [bindings[0] for bindings in members_]
            if group is not None and len(members) > 1:
                keys = sum(cell_len(self.app.get_key_display(b)) for b in members) + len(members) + 1
                entries.append(([b.action for b in members], keys + cell_len(group.description) + 1, group.description))
            else:
                for binding in members:
                    key = cell_len(self.app.get_key_display(binding)) + 2
                    text = cell_len(binding.description) + 1 if binding.description else 0
                    entries.append(([binding.action], key + text, None))
        return entries

    def _palette_columns(self) -> int:
        """Columns the command palette's key takes on the right (the app hides it on -narrow
        screens: see screens.base)."""
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE) or self.screen.has_class("-narrow"):
            return 0
        active = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if active is None:
            return 0
        # key and description as above, plus its padding and border on the left
        return cell_len(self.app.get_key_display(active.binding)) + cell_len(active.binding.description) + 5

    def _secondary(self) -> list[str]:
        """FOOTER_SECONDARY of the focused widget, its containers and the screen, nearest first."""
        focused = self.screen.focused
        nodes: Iterable[object] = focused.ancestors_with_self if focused is not None else (self.screen,)
        actions: list[str] = []
        for node in nodes:
            actions.extend(getattr(node, "FOOTER_SECONDARY", ()))
        return actions

    def left_out(self, width: int) -> set[str]:
        """The actions to leave out so that the rest fits `width` columns."""
        entries = self._entries()
        needed = sum(columns for _, columns, _ in entries) + self._palette_columns()
        width += 1  # the last key's trailing space may go
        if width <= 1 or needed <= width:
            return set()
        secondary = self._secondary()

        def rank(index: int) -> tuple[int, int]:
            actions = entries[index][0]
            named = [secondary.index(a) for a in actions if a in secondary]
            # Named secondary actions go first, in the order named; then the rest, rightmost first.
            return (0, min(named)) if named else (1, -index)

        dropped: set[str] = set()
        for index in sorted(range(len(entries)), key=rank):
            actions, columns, _ = entries[index]
            if needed <= width:
                break
            if ALWAYS_SHOWN.intersection(actions):
                continue
            dropped.update(actions)
            needed -= columns
        return dropped

    def compose(self) -> ComposeResult:
        self._width = self.size.width or self.app.size.width
        widgets = list(super().compose())
        if not widgets:  # the screen's bindings are not known yet
            return
        dropped = self.left_out(self._width)
        labels = {label for actions, _, label in self._entries() if label and dropped.issuperset(actions)}
        yield from self._without(iter(widgets), dropped, labels)

    @staticmethod
    def _without(widgets: Iterator[Widget], dropped: set[str], labels: set[str]) -> Iterator[Widget]:
        for widget in widgets:
            if getattr(widget, "action", None) in dropped:
                continue
            # (Footer's group labels are its only Labels.)
            if isinstance(widget, Label) and str(widget.content) in labels:
                continue  # the label of a group whose keys are all left out
            yield widget

    def on_resize(self, event: events.Resize) -> None:
        if self._width is not None and event.size.width != self._width:
            self.call_after_refresh(self.recompose)


# -- readable key letters ------------------------------------------------------------------------
READABLE_CONTRAST = 4.5  # WCAG AA for normal text
KEY_COLOUR_CHOICES = ("footer-key-foreground", "text-primary", "text-accent", "text-secondary", "foreground")


def _luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        value_ = value / 255
        return value_ / 12.92 if value_ <= 0.03928 else ((value_ + 0.055) / 1.055) ** 2.4

    r, g, b = colour.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(one: Color, other: Color) -> float:
    """The WCAG contrast ratio of two opaque colours (1 to 21)."""
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable_colour(variables: dict[str, str], behind: Color, choices: Iterable[str]) -> str | None:
    """The first of the theme variables `choices` whose colour reaches 4.5:1 against `behind`
    (or the one that comes closest); None when none of them is a colour."""
    best: tuple[float, str] | None = None
    for name in choices:
        try:
            ratio = contrast(behind + Color.parse(variables[name]), behind)
        except (KeyError, ColorParseError):
            continue  # not set, or "auto": not a colour to compare
        if ratio >= READABLE_CONTRAST:
            return name
        if best is None or ratio > best[0]:
            best = (ratio, name)
    return None if best is None else best[1]


def readable_footer_keys(variables: dict[str, str]) -> dict[str, str]:
    """The theme's variables with footer key letters readable on the footer: the theme's own key
    colour when it reaches 4.5:1 against the footer's background, else the first of the theme's
    text colours that does (or the one that comes closest). Some built-in themes, textual-light
    among them, draw the keys at under 3:1."""
    try:
        behind = Color.parse(variables["background"])
        footer = behind + Color.parse(variables["footer-background"])
    except (KeyError, ColorParseError):
        return variables
    best = readable_colour(variables, footer, KEY_COLOUR_CHOICES)
    if best is None or best == "footer-key-foreground":
        return variables
    return {**variables, "footer-key-foreground": variables[best]}


#: Colours that carry meaning in text (a score's quality, a term not used yet, "+ Add").
STATUS_COLOURS = ("text-success", "text-warning", "text-error")
SURFACES = ("background", "surface", "panel")


def readable_status_colours(variables: dict[str, str]) -> dict[str, str]:
    """The theme's variables with each status text colour readable (4.5:1) on every surface:
    where a theme's falls short (textual-light's warning orange is 3.3:1 on its panels), the
    same hue darkened, or lightened on a dark theme, just enough."""
    try:
        base = Color.parse(variables["background"])
        surfaces = [base] + [base + Color.parse(variables[name]) for name in SURFACES[1:] if name in variables]
    except (KeyError, ColorParseError):
        return variables
    light = _luminance(base) > 0.5
    changed = {}
    for name in STATUS_COLOURS:
        if str(variables.get(name, "")).startswith("ansi"):
            continue  # the terminal's own palette decides how it looks
        try:
            colour = Color.parse(variables[name])
        except (KeyError, ColorParseError):
            continue  # not set, or "auto": not a colour to adjust
        step = 0.0
        adjusted = colour
        while step < 1.0 and min(contrast(surface + adjusted, surface) for surface in surfaces) < READABLE_CONTRAST:
            step += 0.02
            adjusted = colour.darken(step) if light else colour.lighten(step)
        if adjusted != colour:
            changed[name] = adjusted.hex
    return {**variables, **changed} if changed else variables
