"""Alerts: render (pure text), notify (outbox delivery), escalate (admin DMs), alarms."""
