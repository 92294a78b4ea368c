"""Store: SQLAlchemy tables, the engine with SQLite settings, and Alembic migrations."""
