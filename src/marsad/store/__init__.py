"""The corpus store: SQLite with named migrations, Arabic-aware search, duplicates, stories.

Import what you need from the submodules (``marsad.store.repository.Repository``,
``marsad.store.loader.ingest``); this package imports nothing on its own.
"""
