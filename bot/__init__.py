"""powwatch: a Telegram bot that watches news feeds for reports of executions of prisoners of war."""
