"""GraphML, for yEd, Gephi and networkx: the format's entry points, `read_graphml` and
`write_graphml`.

`graphml_write` says what the nodes, edges and keys hold; `graphml_read` reads them back
(and other tools' GraphML), parsing with defusedxml in `graphml_xml`.
"""

from __future__ import annotations

from pathlib import Path

from journeymapper.io.atomic import write_atomic
from journeymapper.io.interchange.build import ImportResult, read_limited
from journeymapper.io.interchange.errors import GraphMLError
from journeymapper.io.interchange.graphml_read import parse_graphml
from journeymapper.io.interchange.graphml_write import graphml_text
from journeymapper.model.document import Journey


def read_graphml(path: str | Path) -> ImportResult:
    """Import a GraphML file; raises `GraphMLError` when it cannot be read at all."""
    return parse_graphml(read_limited(path, GraphMLError), path)


def write_graphml(journey: Journey, path: str | Path, *, yed: bool = True) -> None:
    """Write GraphML atomically; `yed=False` leaves out yEd's drawing data."""
    write_atomic(path, graphml_text(journey, yed=yed).encode("utf-8"))
