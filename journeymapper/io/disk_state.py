"""What a file on disk looked like, to tell another program's change from our own save.

The editor remembers the state of the file it opened or saved last. A file watcher only
says "something happened"; comparing states says whether the content is still what we
know: the size and modification time first (cheap), the SHA-256 of the bytes when they
differ (a `touch`, or a program that rewrites the same bytes, is not a change).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class DiskState:
    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: str | Path) -> DiskState | None:
        """The state of the file at `path` now; None if there is no readable file."""
        try:
            stat = os.stat(path)
            digest = hashlib.sha256()
            with open(path, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        except OSError:
            return None
        return cls(stat.st_size, stat.st_mtime_ns, digest.hexdigest())

    def matches(self, path: str | Path) -> bool:
        """True when `path` still holds these bytes (a cheap stat first, then the hash)."""
        try:
            stat = os.stat(path)
        except OSError:
            return False
        if (stat.st_size, stat.st_mtime_ns) == (self.size, self.mtime_ns):
            return True
        if stat.st_size != self.size:
            return False
        now = DiskState.of(path)
        return now is not None and now.sha256 == self.sha256

    def to_json(self) -> dict[str, Any]:
        return {"size": self.size, "mtime_ns": self.mtime_ns, "sha256": self.sha256}

    @classmethod
    def from_json(cls, value: Any) -> DiskState | None:
        try:
            return cls(int(value["size"]), int(value["mtime_ns"]), str(value["sha256"]))
        except (TypeError, KeyError, ValueError):
            return None
