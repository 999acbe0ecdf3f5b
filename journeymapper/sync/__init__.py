"""Live co-editing on Yjs: a map as a Y document, kept equal to the editor's `Journey`.

Qt-free. `layout` documents the Y document, `write` and `project` turn a Journey into
it and back, `binding` keeps one Journey and one document equal (local edits out as
transactions, remote updates in as edits), `session` runs the y-websocket sync protocol
with the epoch guard, `transport` the WebSocket client on its own thread, and `server`
the team server (pycrdt-websocket rooms persisted by pycrdt-store).
"""
