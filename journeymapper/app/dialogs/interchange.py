"""The interchange entries of the File menu, added by `install(context, opener)`:
File ▸ New from Template…, File ▸ Import ▸ Map from CSV, Mermaid or GraphML…, and
File ▸ Export ▸ SVG, CSV, Mermaid and GraphML (the canvas PNG and the poster PDF have
entries of their own).
"""

from __future__ import annotations

from journeymapper.app.context import EditorContext
from journeymapper.app.files.opening import Opener

EXPORTS = (
    ("svg", "&SVG (Semantic, for Web Pages and Tools)…"),
    ("csv", "&Spreadsheet (CSV)…"),
    ("mermaid", "&Mermaid Journey…"),
    ("graphml", "&GraphML Graph (yEd, Gephi)…"),
)


def install(context: EditorContext, opener: Opener) -> None:
    """Add the interchange entries to the File, Import and Export menus (the dialogs and
    the formats they write are imported on first use)."""
    template = context.actions.add(
        "new_from_template",
        "New from &Template…",
        lambda: _new_from_template(opener),
        tip="Start a map from a template: retail, e-commerce, hotel, SaaS…",
    )
    file_menu = context.shell.menu("file")
    entries = file_menu.actions()
    after_new = entries.index(context.actions.new) + 1
    file_menu.insertAction(entries[after_new] if after_new < len(entries) else None, template)
    importing = context.actions.add(
        "import_map",
        "Map from &CSV, Mermaid or GraphML…",
        lambda: _import_interactively(opener),
        "Ctrl+Shift+I",
        "Open or merge a CSV sheet, a Mermaid journey or a GraphML graph",
    )
    context.shell.menu("import").addAction(importing)
    export = context.shell.menu("export")
    export.addSeparator()
    for fmt, text in EXPORTS:
        action = context.actions.add(
            f"export_{fmt}", text, lambda f=fmt: _export_interactively(context, f)
        )
        export.addAction(action)


def _new_from_template(opener: Opener) -> None:
    from journeymapper.app.dialogs.interchange_templates import new_from_template

    new_from_template(opener)


def _import_interactively(opener: Opener) -> None:
    from journeymapper.app.dialogs.interchange_import import import_interactively

    import_interactively(opener)


def _export_interactively(context: EditorContext, fmt: str) -> None:
    from journeymapper.app.dialogs.interchange_export import export_interactively

    export_interactively(context, fmt)
