"""Parts of the embedded SQLite store (`graph.sqlite_store.SQLiteStore`)."""
