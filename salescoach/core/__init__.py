"""The coaching core: pure functions over records and playbook data. No store, no CLI, no terminal."""
