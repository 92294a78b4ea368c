"""The PySide6 window. Widgets talk to `services` only, never to SQLAlchemy."""
