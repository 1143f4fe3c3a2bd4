"""Rendering results: Rich for people, JSON for scripts. Nothing here reads the store or decides anything."""
