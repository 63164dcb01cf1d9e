# powwatch: the bot in a container. Configure with environment variables (see README);
# the database lives on the /app/data volume so it survives container upgrades.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DATABASE_PATH=/app/data/powwatch.db \
    FEEDS_FILE=/app/feeds.yaml

WORKDIR /app
RUN useradd --create-home --uid 10001 powwatch

COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
RUN pip install .

COPY feeds.yaml ./feeds.yaml
RUN mkdir -p /app/data && chown -R powwatch:powwatch /app/data /app/feeds.yaml

USER powwatch
VOLUME ["/app/data"]
CMD ["python", "-m", "bot"]
