"""``python -m salescoach`` runs the command line."""

from salescoach.cli import main

main()
