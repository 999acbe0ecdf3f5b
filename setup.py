"""The package list for setuptools; everything else is in pyproject.toml.

Only here because the list is computed: every package under journeymapper/, plus
journeymapper._resources and journeymapper._examples, which pyproject.toml's
[tool.setuptools.package-dir] maps to the checkout's resources/ and examples/ folders
(they have no __init__.py, so no package finder sees them).
"""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["journeymapper", "journeymapper.*"]),
        "journeymapper._resources",
        "journeymapper._examples",
    ]
)
