"""Data files shipped with marsad (see README.md here)."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load_json(name: str) -> dict:
    """A JSON data file of this folder, parsed once per process."""
    return json.loads(resources.files(__name__).joinpath(name).read_text("utf-8"))
