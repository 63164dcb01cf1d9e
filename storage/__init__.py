"""SQLite storage for powwatch: the Store and its single-thread async worker."""

from storage.store import Store, StoreError
from storage.worker import StoreWorker

__all__ = ["Store", "StoreError", "StoreWorker"]
