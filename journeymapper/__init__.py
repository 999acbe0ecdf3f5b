"""JourneyMapper: an offline desktop editor for customer journey maps."""

from importlib import metadata

try:
    __version__ = metadata.version("journeymapper")
except metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+local"
