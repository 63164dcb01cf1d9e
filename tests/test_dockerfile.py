"""The image is built the way the README says (no Docker engine here, so the file is checked)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def test_image_runs_the_bot_as_non_root_with_the_database_on_a_volume() -> None:
    assert re.search(r"^FROM python:3\.1[1-9]-slim", DOCKERFILE, re.M)
    assert 'CMD ["python", "-m", "bot"]' in DOCKERFILE
    user = re.findall(r"^USER (\S+)", DOCKERFILE, re.M)
    assert user and user[-1] not in ("root", "0")
    assert re.search(r'^VOLUME \["/app/data"\]', DOCKERFILE, re.M)
    assert "DATABASE_PATH=/app/data/" in DOCKERFILE


def test_image_copies_every_package_it_installs() -> None:
    packages = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"
    ]
    for package in packages:
        assert re.search(rf"^COPY {package} \./{package}$", DOCKERFILE, re.M), package
        assert (ROOT / package / "__init__.py").exists()
    assert "COPY feeds.yaml" in DOCKERFILE
