"""Guard against PySide6 6.12.0's leak of references to None in void QPainter calls.

6.12.0 on CPython 3.11 decrements None's reference count on every void QPainter call;
after a few thousand paints the interpreter aborts with "Fatal Python error:
none_dealloc". pyproject.toml pins PySide6-Essentials below 6.12; this test fails if an
upgrade brings the bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPen


def test_void_qpainter_calls_keep_none_alive(qapp) -> None:
    image = QImage(64, 64, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    pen = QPen(QColor("#336699"))
    rect = QRectF(2, 2, 20, 20)
    before = sys.getrefcount(None)
    for _ in range(20_000):  # 5 void calls each: 100,000 calls
        painter.save()
        painter.setPen(pen)
        painter.drawRect(rect)
        painter.drawLine(0, 0, 10, 10)
        painter.restore()
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 100, f"None lost {before - after} references"
