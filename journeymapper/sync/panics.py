"""A panic inside yrs is a problem to show, never a crash of the editor.

pycrdt runs on yrs, written in Rust; a Rust panic reaches Python as pyo3's
`PanicException`, which derives from `BaseException` (so `except Exception` lets it
through), and when it happens inside an observer pyo3 also reports it to
`sys.excepthook` on its way out (the editor's crash handler would say "Something went
wrong"). `contained` catches the panic of the block it guards, hands it to the caller,
and logs pyo3's report instead of passing it to the excepthook. The causal queue keeps
the one panic we know of from happening; this is the net under it.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType

log = logging.getLogger(__name__)


def is_panic(exc: BaseException) -> bool:
    """Whether `exc` is a Rust panic surfaced by pyo3 (it cannot be imported by name)."""
    kind = type(exc)
    return kind.__name__ == "PanicException" and kind.__module__ == "pyo3_runtime"


@contextmanager
def contained(on_panic: Callable[[BaseException], None]) -> Iterator[None]:
    """Run a block that calls into yrs; a panic goes to `on_panic`, not up the stack."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if is_panic(exc):
            log.debug("pyo3 reported a panic on its way out: %s", exc)
        else:
            previous(kind, exc, tb)

    sys.excepthook = hook
    try:
        yield
    except BaseException as exc:
        if not is_panic(exc):
            raise
        log.error("yrs panicked: %s", exc)
        on_panic(exc)
    finally:
        sys.excepthook = previous
