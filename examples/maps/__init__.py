"""The example maps, one module each; `build()` returns the map's data."""
