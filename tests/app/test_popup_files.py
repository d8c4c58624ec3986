"""The popup file a shared map fetches: written once per dataset version, by content,
and older versions' files cleared after a week."""

from __future__ import annotations

import json
import os
import time

from dashboard import cache
from dashboard.core.dataset import INCIDENTS_FILE


def test_the_dataset_popups_are_one_file_named_by_content_and_old_ones_go(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(cache, "POPUPS_DIR", tmp_path)
    old, recent = tmp_path / "0000000000000000.json", tmp_path / "1111111111111111.json"
    for path in (old, recent):
        path.write_text("{}")
    os.utime(old, (time.time() - cache.POPUP_FILES_KEPT_S - 60,) * 2)
    cache._popups_url.clear()
    key = (str(INCIDENTS_FILE), INCIDENTS_FILE.stat().st_mtime_ns)
    url = cache._popups_url(*key)
    name = url.rsplit("/", 1)[1]
    assert url.startswith(cache.POPUPS_URL)
    store = json.loads((tmp_path / name).read_text(encoding="utf-8"))
    assert set(store) == set(cache.bundled().incidents["id"])
    assert not old.exists() and recent.exists()
    cache._popups_url.clear()
