"""Fusion with control borders that can be seen: checkboxes, radio buttons, spin boxes
and combo boxes outlined in the theme's `field_border`.

Fusion draws these outlines in the window colour darkened by 40 %, which on a dark
window is next to black on next to black: an unchecked checkbox all but vanished.
WCAG 2.1's success criterion 1.4.11 (non-text contrast) asks 3:1 for the visual
boundary of a control against what is next to it; `field_border` meets it on every
ground of both themes (tests/app/look/test_theme.py), and this style draws Fusion's
controls as they are, then their outline again in that colour.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
)
_FIELDS = (QStyle.ComplexControl.CC_SpinBox, QStyle.ComplexControl.CC_ComboBox)


class ControlStyle(QProxyStyle):
    """Fusion, with `border` around the indicators and fields it outlines too faintly."""

    def __init__(self, border: str, focus: str) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.border = QColor(border)
        self.focus = QColor(focus)

    def set_colors(self, border: str, focus: str) -> None:
        self.border, self.focus = QColor(border), QColor(focus)

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in _INDICATORS:
            round_ = element is QStyle.PrimitiveElement.PE_IndicatorRadioButton
            self._outline(painter, option, round_)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _FIELDS:
            self._outline(painter, option, False, radius=2.0)

    def _outline(
        self, painter: QPainter, option: QStyleOption, round_: bool, radius: float = 1.0
    ) -> None:
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, round_)
        painter.setPen(QPen(self.focus if focused else self.border, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if round_:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, radius, radius)
        painter.restore()
