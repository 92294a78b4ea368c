"""Where the program keeps its data: the user data folder, or beside the program when portable.

An installed program keeps the record book (and its backups, which go beside it) in the user data
folder that platformdirs names (`%LOCALAPPDATA%\\ANTQ\\ANTQ Desktop` on Windows). A copy carried
on a USB stick is made portable by an empty file named `portable` beside the executable: then
everything, the record book, its backups and the window's settings, lives in a `data` folder next
to it, and nothing is written to the PC.

Only a frozen program (the bundle `build_installer.py` makes) can be portable: run from Python,
"beside the executable" would be beside python.exe.

This module imports nothing from the project, so every layer may use it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "ANTQ Desktop"
ORGANISATION = "ANTQ"
PORTABLE_MARKER = "portable"
PORTABLE_DATA_FOLDER = "data"


def program_folder() -> Path | None:
    """The folder of the frozen program's executable; None when run from Python."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def portable_folder() -> Path | None:
    """The `data` folder of a portable copy; None for an installed copy or when run from Python."""
    folder = program_folder()
    if folder is None or not (folder / PORTABLE_MARKER).is_file():
        return None
    return folder / PORTABLE_DATA_FOLDER


def data_folder() -> Path:
    """Where the record book lives by default (not created here)."""
    portable = portable_folder()
    if portable is not None:
        return portable
    return platformdirs.user_data_path(APP_NAME, ORGANISATION)
