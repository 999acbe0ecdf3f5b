"""A save that failed, said plainly: which file, what happened, what to do now.

Nothing on disk was changed by a failed save (see `io.atomic`), and the map stays open
with all its changes, so the message says so and offers Save As… right away.
"""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

_FULL = {errno.ENOSPC, errno.EDQUOT}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def what_happened(path: Path, exc: BaseException) -> str:
    code = getattr(exc, "errno", None)
    if code in _FULL:
        return f"The disk holding “{path.name}” is full: there was no room to write the map."
    if code == errno.EROFS:
        return f"The folder {path.parent} is on a read-only disk."
    if code in _READ_ONLY:
        return (
            f"“{path.name}” or its folder is read-only, or belongs to someone else: "
            "JourneyMapper may not write there."
        )
    if code == errno.ENOENT:
        return f"The folder {path.parent} is no longer there (a USB stick or network drive?)."
    reason = getattr(exc, "strerror", None) or str(exc)
    return f"The system refused to write “{path.name}”: {reason}."


def message(path: Path, exc: BaseException) -> str:
    backup = path.with_name(path.name + ".bak")
    kept = (
        f"“{path.name}” and its backup “{backup.name}” are"
        if backup.exists()
        else (f"“{path.name}” is" if path.exists() else "Nothing on disk was")
    )
    return (
        f"Could not save {path}.\n\n{what_happened(path, exc)}\n\n"
        f"Your map is still open, with all its changes. {kept} exactly as before.\n\n"
        "Save it somewhere else with Save As… — another folder, another disk or a USB stick."
    )


def report(parent: QWidget, path: Path, exc: BaseException) -> bool:
    """Show what went wrong; True when the user chose Save As… ."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("The map was not saved")
    box.setText(message(path, exc))
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Close)
    box.button(buttons.Save).setText("Save As…")
    box.setDefaultButton(buttons.Save)
    return box.exec() == buttons.Save
