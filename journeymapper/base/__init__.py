"""The bottom layer: where bundled resources are, and helpers for code that handles many objects."""
