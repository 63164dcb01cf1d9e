"""A worker process's heap is capped: a job that needs too much memory fails alone."""

from __future__ import annotations

import pytest

from bot.workers import RestartingPool

MB = 1024 * 1024


def test_a_job_over_the_memory_cap_fails_and_the_pool_goes_on() -> None:
    pool = RestartingPool(1, memory_limit=256 * MB)
    try:
        with pytest.raises(MemoryError):
            pool.submit(bytearray, 512 * MB).result(timeout=60)
        assert len(pool.submit(bytearray, 8 * MB).result(timeout=60)) == 8 * MB
        assert pool.restarts == 0  # the worker raised; it did not die
    finally:
        pool.shutdown()
