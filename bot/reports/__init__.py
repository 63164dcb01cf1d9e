"""Analyst outputs: query parsing, chart, export."""
