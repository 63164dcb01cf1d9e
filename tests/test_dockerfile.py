"""The image is built the way the README says (no Docker engine here, so the file is checked)."""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def test_image_runs_the_bot_as_non_root_with_the_database_on_a_volume() -> None:
    assert re.search(r"^FROM python:3\.1[1-9]-slim", DOCKERFILE, re.M)
    assert 'CMD ["python", "-m", "bot"]' in DOCKERFILE
    user = re.findall(r"^USER (\S+)", DOCKERFILE, re.M)
    assert user and user[-1] not in ("root", "0")
    assert re.search(r'^VOLUME \["/app/data"', DOCKERFILE, re.M)
    assert "DATABASE_PATH=/app/data/" in DOCKERFILE


def test_image_copies_every_package_it_installs() -> None:
    packages = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"
    ]
    for package in packages:
        assert re.search(rf"^COPY {package} \./{package}$", DOCKERFILE, re.M), package
        assert (ROOT / package / "__init__.py").exists()
    assert "COPY feeds.yaml" in DOCKERFILE


def test_the_feeds_file_lives_in_a_writable_config_directory_seeded_on_first_start(
    tmp_path: Path,
) -> None:
    assert "FEEDS_FILE=/app/config/feeds.yaml" in DOCKERFILE
    assert re.search(r"chown powwatch:powwatch .*/app/config", DOCKERFILE)
    assert re.search(r'^VOLUME \[.*"/app/config"', DOCKERFILE, re.M)
    assert 'ENTRYPOINT ["powwatch-entrypoint"]' in DOCKERFILE
    seed = tmp_path / "shipped.yaml"
    seed.write_text("feeds: []  # shipped\n")
    config = tmp_path / "config"
    config.mkdir()
    env = {
        "PATH": os.environ["PATH"],
        "FEEDS_FILE": str(config / "feeds.yaml"),
        "POWWATCH_FEEDS_SEED": str(seed),
    }
    entry = str(ROOT / "scripts" / "docker-entrypoint.sh")
    first = subprocess.run(
        ["sh", entry, "echo", "started"], env=env, capture_output=True, text=True, check=True
    )
    assert first.stdout == "started\n" and "created from the shipped" in first.stderr
    (config / "feeds.yaml").write_text("feeds: []  # edited in the chat\n")
    again = subprocess.run(
        ["sh", entry, "true"], env=env, capture_output=True, text=True, check=True
    )
    assert again.stderr == "" and "edited" in (config / "feeds.yaml").read_text()


def test_healthcheck_and_compose_file() -> None:
    assert re.search(
        r'^HEALTHCHECK .*\n?.*CMD \["python", "-m", "bot", "health"\]', DOCKERFILE, re.M
    )
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    bot = compose["services"]["bot"]
    assert bot["restart"] == "unless-stopped"
    assert bot["healthcheck"]["test"] == ["CMD", "python", "-m", "bot", "health"]
    assert "data:/app/data" in bot["volumes"] and "config:/app/config" in bot["volumes"]
    assert set(compose["volumes"]) == {"data", "config"}


def test_dockerignore_keeps_caches_and_local_state_out_of_the_build() -> None:
    ignored = set((ROOT / ".dockerignore").read_text().split())
    for entry in (
        ".venv",
        "data",
        ".mypy_cache",
        ".hypothesis",
        ".ruff_cache",
        "*.egg-info",
        "build",
        ".pytest_cache",
        "eval/.cache",
    ):
        assert entry in ignored, entry
