"""Detection: classify (the public entry), extract and their helpers."""
