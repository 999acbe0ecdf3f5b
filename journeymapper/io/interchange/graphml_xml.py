"""Parsing GraphML's XML safely, with the line each element starts on.

defusedxml parses the file with DTDs, entity declarations and external references
forbidden, so a "billion laughs" bomb or an entity pointing at a local file raises
`GraphMLError` before anything expands. Before that, `check_markup` refuses a file
whose tags alone would take seconds to parse (see `import_limits`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from journeymapper.base.perf import gc_paused
from journeymapper.io.interchange.errors import GraphMLError
from journeymapper.io.interchange.limits import MAX_XML_ATTRIBUTES, MAX_XML_TAGS


class _Tree:
    """Builds the element tree straight from expat's callbacks, remembering each element's
    line. ElementTree's own Python-level start handler costs twice as much per element,
    and a file may hold half a million of them."""

    def __init__(self, parser: DefusedXMLParser, builder: ET.TreeBuilder) -> None:
        self.builder = builder
        self.lines: dict[ET.Element, int] = {}
        self._names: dict[str, str] = {}
        self._expat = parser.parser
        self._start_element = self.builder.start
        self._expat.StartElementHandler = self._start
        self._expat.EndElementHandler = self.builder.end  # ignores the name, as we may

    def _name(self, raw: str) -> str:
        """expat's `uri}local` as ElementTree's `{uri}local`, memoised."""
        name = self._names.get(raw)
        if name is None:
            name = self._names[raw] = "{" + raw if "}" in raw else raw
        return name

    def _start(self, tag: str, attr_list: list[str]) -> None:
        attrib = {}
        for i in range(0, len(attr_list), 2):
            attrib[self._name(attr_list[i])] = attr_list[i + 1]
        element = self._start_element(self._name(tag), attrib)
        self.lines[element] = self._expat.CurrentLineNumber


_ASSIGNMENT = re.compile(rb"=\s*[\"']")
_NAMESPACE = re.compile(rb"xmlns(?::[^\s=]*)?\s*=\s*([\"'])")
MAX_NAMESPACE = 2_000  # characters of a namespace name: each element's name repeats it


def check_markup(raw: bytes, path: str | Path | None) -> None:
    """Refuse, before parsing, XML whose markup alone would take seconds to parse: expat
    and ElementTree spend microseconds per element, time growing faster than the count
    on one element with very many attributes, and copy a namespace's name into the name
    of every element in it."""
    text = _as_utf8(raw)
    tags = text.count(b"<")
    if tags > MAX_XML_TAGS:
        raise GraphMLError(
            path,
            "",
            f"holds {tags:,} tags; JourneyMapper imports GraphML of up to {MAX_XML_TAGS:,} "
            "(a 5,000-touchpoint map exported for yEd has about 360,000)",
        )
    for match in _NAMESPACE.finditer(text):
        end = text.find(match[1], match.end())
        if (end if end >= 0 else len(text)) - match.end() > MAX_NAMESPACE:
            raise GraphMLError(
                path, "", f"declares a namespace longer than {MAX_NAMESPACE:,} characters"
            )
    if text.count(b"=") <= MAX_XML_ATTRIBUTES:
        return
    for chunk in text.split(b"<"):
        if chunk.count(b"=") > MAX_XML_ATTRIBUTES and (
            len(_ASSIGNMENT.findall(chunk)) > MAX_XML_ATTRIBUTES
        ):
            raise GraphMLError(
                path, "", f"an element has more than {MAX_XML_ATTRIBUTES:,} attributes"
            )


def _as_utf8(raw: bytes) -> bytes:
    """The markup to scan: UTF-16 (which expat also reads) transcoded, anything else as is."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:4]:
        codec = (
            "utf-16"
            if raw.startswith((b"\xff\xfe", b"\xfe\xff"))
            else ("utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be")
        )
        return raw.decode(codec, errors="replace").encode("utf-8", errors="replace")
    return raw


def parse_xml(raw: bytes, path: str | Path | None) -> tuple[ET.Element, dict[ET.Element, int]]:
    """The root element and each element's line; unsafe or broken XML is a GraphMLError."""
    check_markup(raw, path)
    builder = ET.TreeBuilder()
    parser = DefusedXMLParser(
        target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    tree = _Tree(parser, builder)  # after defusedxml set its DTD and entity guards
    try:
        with gc_paused():  # half a million elements would trigger collection after collection
            parser.feed(raw)
            root = parser.close()
    except DefusedXmlException as exc:
        raise GraphMLError(
            path,
            "",
            f"declares a DTD or entities ({type(exc).__name__}); GraphML never needs them, "
            "and they are refused because they can expand without end or read other files",
        ) from None
    except ET.ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        message = str(exc).split(":")[0]
        raise GraphMLError(
            path, f"line {line}, column {column + 1}", f"not well-formed XML ({message})"
        ) from None
    except (ValueError, LookupError, UnicodeError, RecursionError) as exc:
        raise GraphMLError(path, "", f"cannot be read as XML ({exc})") from None
    return root, tree.lines
