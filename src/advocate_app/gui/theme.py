"""Colours that stay readable: the system's palette (light, dark or high contrast) is followed,
and any text colour it pairs with a background at less than 4.5:1 (the WCAG AA level for
body text) is moved towards black or white until it reads. Warnings get their red the same
way, so they read on a dark window too."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

MINIMUM_CONTRAST = 4.5
Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# (text, background) pairs the window draws with, in the active and inactive groups.
TEXT_PAIRS = (
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.Text, Role.Window),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.PlaceholderText, Role.Base),  # muted text, in lists and the reader
    (Role.PlaceholderText, Role.Window),  # and in panes and dialogs
    (Role.Link, Role.Base),
    (Role.Link, Role.Window),
    (Role.LinkVisited, Role.Base),
)
GROUPS = (Group.Active, Group.Inactive)
WARNING_RED = QColor("#b03a2e")


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(one: QColor, other: QColor) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_on(colour: QColor, background: QColor, minimum: float = MINIMUM_CONTRAST) -> QColor:
    """`colour`, or the nearest shade of it (towards black on light backgrounds, white on dark
    ones) that reads on `background`."""
    if contrast(colour, background) >= minimum:
        return QColor(colour)
    target = QColor("black") if luminance(background) > 0.18 else QColor("white")
    for step in range(1, 21):
        mix = step / 20
        shade = QColor.fromRgbF(
            colour.redF() + (target.redF() - colour.redF()) * mix,
            colour.greenF() + (target.greenF() - colour.greenF()) * mix,
            colour.blueF() + (target.blueF() - colour.blueF()) * mix,
        )
        if contrast(shade, background) >= minimum:
            return shade
    return target


def readable_palette(palette: QPalette) -> QPalette:
    """The palette with every text colour readable on the backgrounds it is drawn on."""
    fixed = QPalette(palette)
    for group in GROUPS:
        for text, background in TEXT_PAIRS:
            shade = readable_on(fixed.color(group, text), fixed.color(group, background))
            fixed.setColor(group, text, shade)
    return fixed


def follow_system_palette(app: QApplication) -> None:
    """Use the system's palette (light, dark, high contrast), made readable, now and whenever
    the system switches."""

    def refresh() -> None:
        app.setPalette(QPalette())  # no colours set: back to the system's own
        app.setPalette(readable_palette(app.palette()))

    refresh()
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: refresh())


def warning_colour(widget: QWidget) -> QColor:
    """Red for warnings, as dark or light as the widget's background needs."""
    palette = widget.palette()
    return readable_on(WARNING_RED, palette.color(Role.Window))


def set_warning(label: QLabel) -> None:
    """Show a label's text as a warning: red, readable on this theme."""
    palette = label.palette()
    palette.setColor(Role.WindowText, warning_colour(label))
    label.setPalette(palette)


def set_muted(label: QLabel) -> None:
    """Secondary text: the palette's muted colour (made readable), following theme changes."""
    label.setForegroundRole(Role.PlaceholderText)
