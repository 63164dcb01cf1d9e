# powwatch: the bot in a container. Configure with environment variables (see README "Docker").
# The database lives on the /app/data volume, the feed list in /app/config (seeded from the
# shipped feeds.yaml on first start, and writable, so chat edits such as /addfeed can save it).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATABASE_PATH=/app/data/powwatch.db \
    FEEDS_FILE=/app/config/feeds.yaml

WORKDIR /app
RUN useradd --create-home --uid 10001 powwatch

COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
RUN pip install .

COPY feeds.yaml ./feeds.yaml
COPY scripts/docker-entrypoint.sh /usr/local/bin/powwatch-entrypoint
# Both directories belong to the bot's user: an atomic save writes a temporary file beside
# feeds.yaml, so the directory itself must be writable, not only the file.
RUN mkdir -p /app/data /app/config && chown powwatch:powwatch /app/data /app/config

USER powwatch
VOLUME ["/app/data", "/app/config"]
# Healthy = a poll tick finished in the last 2 minutes (a heartbeat file beside the database);
# works in terminal mode too, and needs neither the token nor the network.
HEALTHCHECK --interval=60s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "-m", "bot", "health"]
ENTRYPOINT ["powwatch-entrypoint"]
CMD ["python", "-m", "bot"]
