"""A story page answers at once while its comparison is computed: the first view of a large story
waited minutes for it. The page says the articles are being compared and reloads; the comparison
goes on in the background and is shown once it is cached. Invented articles, a stand-in comparer."""

from __future__ import annotations

import threading
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's TestClient moving to httpx2 (as in test_web_api)
    from fastapi.testclient import TestClient

from blickwinkel.config import load_settings
from blickwinkel.model import Article
from blickwinkel.store import Store, open_store
from blickwinkel.web import ServiceOptions, create_app, pages
from tests.integration.newsroom_fixtures import fake_comparison, fill_store


class SlowComparer:
    """The stand-in comparison, held until ``go`` is set (a large story on a loaded machine)."""

    def __init__(self, fail: bool = False) -> None:
        self.go = threading.Event()
        self.calls = 0
        self.fail = fail

    def __call__(self, articles: Sequence[Article]) -> dict[str, Any]:
        self.calls += 1
        assert self.go.wait(30)
        if self.fail:
            raise RuntimeError("the comparison process ran out of memory")
        return fake_comparison(articles)


@pytest.fixture
def store(tmp_path: Path) -> Any:
    s = open_store(f"sqlite:///{tmp_path / 'web.db'}")
    yield s
    s.close()


def _client(store: Store, comparer: SlowComparer) -> TestClient:
    app = create_app(store, load_settings({}), options=ServiceOptions(), comparer=comparer)
    return TestClient(app, raise_server_exceptions=False)


def _wait_until_cached(store: Store, story: int) -> None:
    for _ in range(300):
        if store.cached_comparison(story, embedder=load_settings({}).embedder) is not None:
            return
        threading.Event().wait(0.05)
    raise AssertionError("the comparison was not cached")


def test_the_first_view_answers_while_the_story_is_compared(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages, "PAGE_WAIT_SECONDS", 0.2)
    (story,) = fill_store(store, stories=1, per_story=3)
    comparer = SlowComparer()
    with _client(store, comparer) as client:
        first = client.get(f"/stories/{story}?lang=en")
        assert first.status_code == 200
        assert "being compared" in first.text and 'http-equiv="refresh"' in first.text
        # its JSON link answers at once too (it waited for the comparison)
        assert f'href="/api/v1/stories/{story}?wait=0"' in first.text
        again = client.get(f"/stories/{story}?lang=en")  # a reload does not start a second one
        assert "being compared" in again.text
        comparer.go.set()
        _wait_until_cached(store, story)
        done = client.get(f"/stories/{story}?lang=en")
        assert done.status_code == 200
        assert "being compared" not in done.text and 'http-equiv="refresh"' not in done.text
        assert f'href="/api/v1/stories/{story}"' in done.text
        assert comparer.calls == 1
        # the API still answers with the comparison itself
        assert client.get(f"/api/v1/stories/{story}").json()["comparison"] is not None


def test_a_quick_comparison_is_shown_on_the_first_view(store: Store) -> None:
    (story,) = fill_store(store, stories=1, per_story=2)
    comparer = SlowComparer()
    comparer.go.set()
    with _client(store, comparer) as client:
        page = client.get(f"/stories/{story}?lang=en")
    assert page.status_code == 200 and "being compared" not in page.text


def test_a_comparison_that_failed_in_the_background_is_reported_then_tried_again(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages, "PAGE_WAIT_SECONDS", 0.2)
    (story,) = fill_store(store, stories=1, per_story=2)
    comparer = SlowComparer(fail=True)
    with _client(store, comparer) as client:
        assert "being compared" in client.get(f"/stories/{story}?lang=en").text
        comparer.go.set()
        for _ in range(300):
            if comparer.calls and not client.app.state.blickwinkel.comparisons._running:  # type: ignore[attr-defined]
                break
            threading.Event().wait(0.05)
        failed = client.get(f"/stories/{story}?lang=en", headers={"accept": "text/html"})
        assert failed.status_code == 500
        comparer.fail = False
        client.get(f"/stories/{story}?lang=en")  # starts it again
        _wait_until_cached(store, story)
        assert comparer.calls == 2


def test_the_api_answers_a_story_at_once_when_asked_to_wait_no_longer(store: Store) -> None:
    # /api/v1/stories/<id> waited for the whole comparison (minutes for a large story) while the page
    # answered at once; with ?wait=SECONDS it answers 202 with the story and articles after so long.
    (story,) = fill_store(store, stories=1, per_story=3)
    comparer = SlowComparer()
    with _client(store, comparer) as client:
        first = client.get(f"/api/v1/stories/{story}", params={"wait": 0})
        assert first.status_code == 202 and first.headers["retry-after"] == "5"
        body = first.json()
        assert body["comparison"] is None and body["comparison_pending"] is True
        assert body["story"]["id"] == story and len(body["articles"]) == 3
        assert "etag" not in first.headers  # a pending answer is not kept
        assert client.get(f"/api/v1/stories/{story}?wait=0.1").status_code == 202
        comparer.go.set()
        _wait_until_cached(store, story)
        done = client.get(f"/api/v1/stories/{story}", params={"wait": 0})
        assert done.status_code == 200 and done.json()["comparison"] is not None
        assert done.json()["comparison_pending"] is False
        assert comparer.calls == 1
        # without wait the answer is the comparison itself, as before
        assert client.get(f"/api/v1/stories/{story}").json()["comparison"] is not None
        bad = client.get(f"/api/v1/stories/{story}", params={"wait": -1})
        assert bad.status_code == 422 and bad.json()["error"]["field"] == "wait"
