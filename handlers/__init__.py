"""Telegram command handlers; register_all wires them into an Application."""

from __future__ import annotations

from telegram.ext import Application

from handlers import access, admin, analyst, errors, public, review


def register_all(app: Application, admin_ids: frozenset[int]) -> None:  # type: ignore[type-arg]
    access.register(app)
    public.register(app)
    review.register(app)
    analyst.register(app)
    admin.register(app, admin_ids)
    public.register_fallback(app)
    errors.register(app)
