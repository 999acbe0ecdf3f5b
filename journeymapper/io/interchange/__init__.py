"""The interchange formats: CSV, Mermaid journeys and GraphML, and the map's own file.

One module per format holds its two entry points (`csv.read_csv`/`write_csv`,
`mermaid`, `graphml`), each built on its reader and writer modules; `formats` picks a
format by name, extension or content and imports or exports any of them. `build`
(the import result and the map builder), `cells` (list and KPI codecs), `flow` (the
order tasks are listed in), `merge` (an import merged as one edit) and `limits` (the
bounds on hostile input) are shared by the formats.
"""
