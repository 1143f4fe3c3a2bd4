"""The shipped playbooks, installed as package data ``salescoach.playbooks``."""
