"""The few looks shared by the window's pages and dialogs."""

ERROR_STYLE = "color: #b00020;"
"""Red text under a field or a period that a person has to correct."""

NOTE_STYLE = "color: #555555;"
"""Grey text that explains a field or a box (`ui.note.grey_note`)."""
