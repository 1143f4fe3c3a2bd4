"""Use cases: each reads the store, asks the core, writes in one transaction and returns a result to render."""
