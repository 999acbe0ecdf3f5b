"""Small helpers for code paths that handle a hundred thousand objects at once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects.

    Loading or laying out a big map allocates hundreds of thousands of objects; the
    collector would rescan the whole heap again and again for nothing (it tripled load
    times at 10,000 cards). Reference counting still frees everything meanwhile.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
