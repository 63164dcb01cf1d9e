"""Incidents: dedup keys, near-duplicates, clustering, regions."""
