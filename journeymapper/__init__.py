"""JourneyMapper: an offline desktop editor for customer journey maps."""

# The one place the version is written: pyproject.toml reads it from here
# ([tool.setuptools.dynamic]), and `journeymapper --version` prints it without
# importing anything (importlib.metadata would cost a tenth of the command's start).
__version__ = "0.1.0"
