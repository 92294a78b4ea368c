"""ANTQ Desktop: the ward record book of the all-people movement to protect national security."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("antq-desktop")
except _metadata.PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+checkout"
