"""Services: use cases, validation and statistics. They return frozen dataclasses, never ORM rows.

Every public function takes the open `Workspace` first and is one unit of work.
"""
