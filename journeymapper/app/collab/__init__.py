"""Live co-editing in the editor: Share…/Join… dialogs, presence, status, remote selections.

New files only; the window wires them (see `controller.CollabController`): the
controller talks to the window through what its constructor is given — the Journey, a
function that pushes an undo command, a toast function — and nothing else.
"""
