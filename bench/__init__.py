"""Benchmark: a synthetic world of feeds on loopback through the real pipeline, and search
latencies over a large stored history. Run `python -m bench --help`.
"""
