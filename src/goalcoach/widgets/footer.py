"""A footer that keeps the keys that matter when the terminal is narrow.

Textual's Footer shows every shown binding in order and cuts off what does not fit, so on a
narrow terminal the last keys (the app's help and quit) are the first to go. A screen names its
secondary actions in `FOOTER_SECONDARY`; below `TIGHT_WIDTH` columns this footer leaves them
out. Their keys still work, and the screen's help (f1) lists them.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.color import Color, ColorParseError
from textual.widgets import Footer

TIGHT_WIDTH = 80


class KeyFooter(Footer):
    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._tight: bool | None = None

    def _is_tight(self, width: int) -> bool:
        return 0 < width < TIGHT_WIDTH

    def compose(self) -> ComposeResult:
        self._tight = self._is_tight(self.size.width or self.app.size.width)
        secondary = set(getattr(self.screen, "FOOTER_SECONDARY", ())) if self._tight else set()
        for widget in super().compose():
            if getattr(widget, "action", None) not in secondary:
                yield widget

    def on_resize(self, event: events.Resize) -> None:
        if self._tight is not None and self._is_tight(event.size.width) != self._tight:
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
    best: tuple[float, str] | None = None
    for name in KEY_COLOUR_CHOICES:
        try:
            ratio = contrast(footer + Color.parse(variables[name]), footer)
        except (KeyError, ColorParseError):
            continue  # not set, or "auto": not a colour to compare
        if ratio >= READABLE_CONTRAST:
            best = (ratio, name)
            break
        if best is None or ratio > best[0]:
            best = (ratio, name)
    if best is None or best[1] == "footer-key-foreground":
        return variables
    return {**variables, "footer-key-foreground": variables[best[1]]}
