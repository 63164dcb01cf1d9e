"""Command-line subcommands: classify, search."""
