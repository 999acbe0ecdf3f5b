"""Fixtures of the command-line tests (see helpers.py)."""

from tests.cli.helpers import clean, warned

__all__ = ["clean", "warned"]
