"""Every action of one window, by name, whichever feature made it.

A feature makes its actions with `ActionRegistry.add` (text, slot, keys, tip, icon) and
puts them in the menus the window gives it; the registry keeps them by name, so the
shortcut sheet, the context menu and the tests find an action without knowing which
feature made it. Standard operations use `QKeySequence.StandardKey`, so each platform
gets the keys its users expect, and `resolve_conflicts` drops a platform's secondary
binding that another action owns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from journeymapper.app.look import glyphs

Std = QKeySequence.StandardKey
ICON_INK = glyphs.INK  # the theme's icon colour, resolved when drawn


class ActionRegistry:
    """The actions of one window, by name (`registry["save"]`)."""

    def __init__(self, owner: QWidget) -> None:
        self.owner = owner
        self._all: dict[str, QAction] = {}

    def add(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        keys: Std | str | None = None,
        tip: str = "",
        icon: str | None = None,
    ) -> QAction:
        """Make an action that calls `slot`, register it as `name` and return it."""
        action = QAction(text, self.owner)
        action.setObjectName(name)
        if isinstance(keys, Std):
            action.setShortcuts(QKeySequence.keyBindings(keys))
        elif keys:
            action.setShortcut(QKeySequence(keys))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if icon:
            action.setIcon(glyphs.icon(icon, ICON_INK))
        action.triggered.connect(lambda *_: slot())
        return self.register(name, action)

    def register(self, name: str, action: QAction) -> QAction:
        """Keep an action made elsewhere (the undo stack's Undo and Redo)."""
        if name in self._all:
            raise KeyError(f"an action named {name!r} exists already")
        self._all[name] = action
        return action

    def __getitem__(self, name: str) -> QAction:
        return self._all[name]

    def __getattr__(self, name: str) -> QAction:
        """`registry.save` reads as `registry["save"]`."""
        try:
            return self.__dict__["_all"][name]  # type: ignore[no-any-return]  # (a dict of QActions)
        except KeyError:
            raise AttributeError(name) from None

    def __contains__(self, name: object) -> bool:
        return name in self._all

    def __iter__(self) -> Iterator[QAction]:
        return iter(self._all.values())

    def get(self, name: str) -> QAction | None:
        return self._all.get(name)

    def by_name(self) -> dict[str, QAction]:
        return dict(self._all)

    def resolve_conflicts(self) -> None:
        resolve_conflicts(list(self._all.values()))


def resolve_conflicts(actions: list[QAction]) -> None:
    """Drop a platform's secondary binding that another action uses as its own key.

    Standard keys bring every binding the platform knows: on X11, Delete is also Ctrl+D,
    which is Duplicate here, and an ambiguous shortcut fires neither action. A key
    stays with the action whose first binding it is; the others lose it.
    """
    primary = {a.shortcuts()[0].toString(): a for a in actions if a.shortcuts()}
    for action in actions:
        keys = action.shortcuts()
        kept = [
            k for i, k in enumerate(keys) if i == 0 or primary.get(k.toString(), action) is action
        ]
        if len(kept) != len(keys):
            action.setShortcuts(kept)
