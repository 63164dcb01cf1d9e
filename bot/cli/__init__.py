"""Command-line subcommands: classify, search, incident, health."""
