"""Shared fixtures: the repo's paths and the folder of article texts."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def articles() -> Path:
    """The folder of captured article texts named by DASHBOARD_ARTICLES."""
    folder = os.environ.get("DASHBOARD_ARTICLES")
    if not folder:
        pytest.skip("DASHBOARD_ARTICLES is not set: the article texts are needed to check quotes")
    path = Path(folder)
    if not path.is_dir():
        pytest.skip(f"DASHBOARD_ARTICLES={folder} is not a folder")
    return path
