"""The editor's side of event-log analytics (issue 19): overlay, panel, dialogs, flows.

Each piece talks to the window only through its constructor's arguments — the
`Journey`, a function that pushes an edit on the undo stack, a function that selects
ids on the canvas — so the main window wires them without them knowing it.
"""
