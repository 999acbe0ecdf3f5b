"""A workshop session: participants add touchpoints and vote from their phones, Qt-free.

The session logic (`session.py` and its helpers) runs on the transport's event loop
(`journeymapper.server`) and reaches the map only through edits applied by a
host-supplied callable on the map's own thread; `service.Workshop` puts the two
together for the editor and for `journeymapper host`.
"""
