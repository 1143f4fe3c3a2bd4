"""Playbooks: the YAML that holds every word of coaching, its models, its loader and template filling."""
