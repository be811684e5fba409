"""Feeds and article URLs ingested from a local HTTP server on 127.0.0.1 (allowed: 127.0.0.0/8), with
conditional requests and per-item failures. Never reaches the internet."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from blickwinkel.embed import Embedder
from blickwinkel.ingest.fetch import Fetcher, FetchPolicy
from blickwinkel.store import Store, open_store
from blickwinkel.store.ingest import IngestCounts, Ingestor, RetryPolicy
from tests.local_server import LocalServer, QuietHandler

PAGE = """<!doctype html><html><head><title>{title}</title><meta property="og:site_name" content="{site}">
<meta name="date" content="2031-05-0{day}"></head><body><article><h1>{title}</h1>
<p>{body}</p>
<p>The harbour office of Osterlin said the quay stays closed until the divers finish their survey.
Traders on the waterfront expect the reopening within two weeks, according to the harbour master.</p>
</article></body></html>"""

ARTICLES = {
    "/a1": PAGE.format(
        title="Quay collapse in Osterlin",
        site="Osterlin Post",
        day=3,
        body="A section of the old quay in Osterlin collapsed into the harbour on Tuesday night.",
    ),
    "/a2": PAGE.format(
        title="Osterlin quay partly collapses",
        site="Valley Courier",
        day=4,
        body="Part of the old quay in Osterlin fell into the harbour late on Tuesday, officials said.",
    ),
}
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Osterlin news</title>
<item><title>Quay</title><link>{base}/a1</link><pubDate>Tue, 03 May 2031 20:00:00 GMT</pubDate></item>
<item><title>Quay 2</title><link>{base}/a2</link></item>
<item><title>Gone</title><link>{base}/missing</link></item>
<item><title>Script</title><link>javascript:alert(1)</link></item>
</channel></rss>"""

# A feed that carries its articles' text (content:encoded, or a description only): where an entry's page
# cannot be fetched, the entry's own text is stored instead of nothing (fourteenth session).
FEED_WITH_TEXT = """<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Osterlin news</title>
<item><title>Ferry pier closed</title><link>{base}/gone-1</link>
<pubDate>Wed, 04 May 2031 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>The ferry pier of Osterlin was closed on Wednesday after a barge struck it.</p>
<p>The harbour master said the pier would stay shut for at least ten days.</p>]]></content:encoded></item>
<item><title>Divers at the quay</title><link>{base}/gone-2</link></item>
</channel></rss>"""


class _Handler(QuietHandler):
    def get(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/feed-text.xml":
            body, kind = FEED_WITH_TEXT.format(base=base).encode(), "application/rss+xml"
        elif self.path == "/feed.xml":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            body, kind = FEED.format(base=base).encode(), "application/rss+xml"
        elif self.path in ARTICLES:
            body, kind = ARTICLES[self.path].encode(), "text/html; charset=utf-8"
        else:
            self.send_response(404)
            self.end_headers()
            return
        self.reply(body, kind, {"etag": '"v1"'})


@pytest.fixture
def server(local_server: LocalServer) -> str:
    return local_server(_Handler)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'feeds.db'}")
    yield s
    s.close()


@pytest.mark.slow
def test_feed_entries_are_fetched_stored_once_and_failures_recorded(
    server: str, store: Store, use_embedder: Embedder
) -> None:
    fetcher = Fetcher(FetchPolicy(allow_networks=("127.0.0.0/8",), host_interval=0.0))
    ingestor = Ingestor(store, embedder=use_embedder, fetcher=fetcher, analyser=None)
    feed = ingestor.add_feed(f"{server}/feed.xml")
    counts = ingestor.poll_feeds()
    assert (counts.stored, counts.failed) == (2, 1)
    assert [f.source for f in store.failures()] == [f"{server}/missing"]
    # The entry whose link is a script was left out without a word.
    assert counts.notes == [
        f"{server}/feed.xml: [I073] feed entries without an article's web address (no link, or not "
        "http/https), left out: 1 of 4 ('Script')"
    ]
    stored = store.list_articles().items
    assert {a.outlet for a in stored} == {"Osterlin Post", "Valley Courier"}
    assert len({a.story_id for a in stored}) == 1  # the same event: one story
    assert store.feeds()[0].etag == '"v1"' and store.feeds()[0].title == "Osterlin news"
    again = ingestor.poll_feed(store.feeds()[0])  # 304 Not Modified: nothing to do
    assert (again.stored, again.duplicates, again.failed) == (0, 0, 0)
    assert feed.id == store.feeds()[0].id
    direct = ingestor.ingest([f"{server}/a1"])  # an article URL already stored is not fetched again
    assert direct.duplicates == 1


@pytest.mark.slow
def test_a_feed_entry_whose_page_cannot_be_fetched_is_stored_from_its_own_text(
    server: str, store: Store, use_embedder: Embedder
) -> None:
    # `watch` fetched every entry's page and stored nothing where the site did not answer, also for
    # entries whose full text the feed carries; an entry without text of its own still fails.
    fetcher = Fetcher(FetchPolicy(allow_networks=("127.0.0.0/8",), host_interval=0.0))
    ingestor = Ingestor(store, embedder=use_embedder, fetcher=fetcher, analyser=None)
    ingestor.add_feed(f"{server}/feed-text.xml")
    counts = ingestor.poll_feeds()
    assert (counts.stored, counts.failed, counts.stood_in) == (1, 1, 1)
    # the page of the entry stored from its own text is still owed: it stays among the failures
    assert {f.source for f in store.failures()} == {f"{server}/gone-1", f"{server}/gone-2"}
    [note] = [n for n in counts.notes if "[I078]" in n]
    assert note.startswith(f"{server}/gone-1: [I078] the page could not be read (")
    assert "stored the text the feed gives for it (31 words)" in note
    [article] = store.list_articles().items
    assert (article.url, article.title, article.published) == (
        f"{server}/gone-1",
        "Ferry pier closed",
        dt.date(2031, 5, 4),
    )
    again = ingestor.poll_feeds()  # both pages wait for their next try
    assert (again.stored, again.duplicates) == (0, 0)
    assert (again.retried, again.retry_waiting) == (0, 2)
    # When its wait is over the page is fetched again although the entry is stored (a page that
    # answers replaces the feed's text; this one still fails, and the feed's text stays stored).
    ingestor.retry = RetryPolicy(retries=2, wait=0)
    retried = ingestor.poll_feeds()
    assert (retried.retried, retried.retried_failed, retried.stood_in) == (2, 2, 1)
    assert [a.url for a in store.list_articles().items] == [f"{server}/gone-1"]
    assert {f.source: f.attempts for f in store.failures()} == {f"{server}/gone-1": 2, f"{server}/gone-2": 2}


LINKS_ONLY = """<?xml version="1.0"?><rss version="2.0"><channel><title>Osterlin news</title>
<item><title>Quay</title><link>{base}/later</link><pubDate>Tue, 03 May 2031 20:00:00 GMT</pubDate></item>
<item><title>Pier</title><link>{base}/never</link></item>
</channel></rss>"""


def test_watch_retries_a_failed_entry_although_its_feed_answers_not_modified(
    local_server: LocalServer, store: Store
) -> None:
    # After a poll whose entries' pages failed, the feed answered 304 at every later poll and the
    # entries were never fetched again (only `ingest --retry` did). A failed page is now fetched again
    # by later polls once its wait is over (doubling after each failure), at most `retries` times.
    from tests.unit.test_stories_props import HashedWordsEmbedder

    hits: Counter[str] = Counter()
    pages: dict[str, str] = {}

    class Handler(QuietHandler):
        def get(self) -> None:
            hits[self.path] += 1
            if self.path == "/links.xml":
                if self.headers.get("If-None-Match") == '"v1"':
                    self.send_response(304)
                    self.end_headers()
                    return
                base = f"http://127.0.0.1:{self.server.server_address[1]}"
                self.reply(LINKS_ONLY.format(base=base).encode(), "application/rss+xml", {"etag": '"v1"'})
            elif self.path in pages:
                self.reply(pages[self.path].encode(), "text/html; charset=utf-8")
            else:
                self.send_response(404)
                self.end_headers()

    base = local_server(Handler)
    fetcher = Fetcher(FetchPolicy(allow_networks=("127.0.0.0/8",), host_interval=0.0))

    def poll(policy: RetryPolicy) -> IngestCounts:
        ingestor = Ingestor(
            store, embedder=HashedWordsEmbedder(), fetcher=fetcher, analyser=None, retry=policy
        )
        return ingestor.poll_feeds()

    Ingestor(store, embedder=HashedWordsEmbedder(), fetcher=fetcher).add_feed(f"{base}/links.xml")
    first = poll(RetryPolicy(retries=2, wait=0))
    assert (first.stored, first.failed, first.retried) == (0, 2, 0)
    pages["/later"] = ARTICLES["/a1"]
    waiting = poll(RetryPolicy(retries=2, wait=3600))  # their wait is not over: nothing fetched
    assert (waiting.retried, waiting.retry_waiting, hits["/later"]) == (0, 2, 1)
    assert store.feeds()[0].last_status == 304
    second = poll(RetryPolicy(retries=2, wait=0))  # the feed has not changed (304) all the same
    assert store.feeds()[0].last_status == 304
    assert (second.retried, second.stored, second.failed, second.retries_ended) == (2, 1, 1, 0)
    assert [a.url for a in store.list_articles().items] == [f"{base}/later"]
    third = poll(RetryPolicy(retries=2, wait=0))  # the second retry: the last one
    assert (third.retried, third.failed, third.retries_ended) == (1, 1, 1)
    fourth = poll(RetryPolicy(retries=2, wait=0))
    assert (fourth.retried, fourth.retry_waiting, hits["/never"]) == (0, 0, 3)
    # still listed by `ingest --failed`, for `ingest --retry`
    assert [(f.source, f.attempts) for f in store.failures()] == [(f"{base}/never", 3)]


def test_a_feed_entry_without_a_link_is_named_once_not_at_every_poll(
    server: str, store: Store, use_embedder: Embedder
) -> None:
    # `watch` named the same entry without a link (I073) at every poll of a feed that answers in full
    # each time (no 304); each poll makes a new Ingestor, so the named entries are shared through the set.
    fetcher = Fetcher(FetchPolicy(allow_networks=("127.0.0.0/8",), host_interval=0.0))
    warned: set[str] = set()
    first = Ingestor(store, embedder=use_embedder, fetcher=fetcher, analyser=None, warned_entries=warned)
    feed = first.add_feed(f"{server}/feed.xml")  # as added: no ETag, so every poll gets the feed whole
    assert [n.split("[I073]")[1][-12:] for n in first.poll_feed(feed).notes] == ["4 ('Script')"]
    assert first.poll_feed(feed).notes == []  # the same run
    later = Ingestor(store, embedder=use_embedder, fetcher=fetcher, analyser=None, warned_entries=warned)
    assert later.poll_feed(feed).notes == []  # the next poll of `watch`
    alone = Ingestor(store, embedder=use_embedder, fetcher=fetcher, analyser=None)
    assert len(alone.poll_feed(feed).notes) == 1  # another run (`ingest`, `watch --once`) names it


def test_private_addresses_are_refused_by_default(server: str, store: Store, use_embedder: Embedder) -> None:
    ingestor = Ingestor(store, embedder=use_embedder, analyser=None)
    counts = ingestor.ingest([f"{server}/a1"])
    assert counts.failed == 1
    assert "refused" in store.failures()[0].reason


def test_feed_entry_dates_are_the_dates_written() -> None:
    # feedparser's times are in UTC (a German entry of 01:30 +0200 was dated the day before), it reads
    # no German day names and time zones, and it rolled "2025-13-45" over to 1 January 2026.
    from blickwinkel.store.ingest import parse_feed

    items = [
        ("a", "<pubDate>Sat, 14 Jun 2031 01:30:00 +0200</pubDate>"),
        ("b", "<pubDate>So, 15 Jun 2031 10:00:00 MESZ</pubDate>"),
        ("c", "<pubDate>2031-13-45T99:00:00Z</pubDate>"),
        ("d", "<pubDate>Tue, 03 May 2031 20:00:00 GMT</pubDate>"),
        ("e", ""),
    ]
    body = "".join(
        f"<item><title>{k}</title><link>https://news.example/{k}</link>{d}</item>" for k, d in items
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{body}</channel></rss>'
    entries = parse_feed("https://news.example/feed.xml", feed.encode()).entries
    assert dict(entries) == {
        "https://news.example/a": dt.date(2031, 6, 14),
        "https://news.example/b": dt.date(2031, 6, 15),
        "https://news.example/c": None,
        "https://news.example/d": dt.date(2031, 5, 3),
        "https://news.example/e": None,
    }


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("Di, 04 Mär 2031 10:00:00 +0100", dt.date(2031, 3, 4)),
        ("Do, 06 Mrz 2031 23:30:00 +0100", dt.date(2031, 3, 6)),
        ("mar., 04 mars 2031", dt.date(2031, 3, 4)),
        ("jeu., 06 févr. 2031 10:00:00 +0100", dt.date(2031, 2, 6)),
        ("mié, 05 mar 2031 10:00:00 +0100", dt.date(2031, 3, 5)),
    ],
)
def test_german_french_and_spanish_feed_dates_are_read(written: str, date: dt.date) -> None:
    # A German pubDate with a numeric zone and French/Spanish day and month abbreviations came out
    # undated: neither feedparser nor the e-mail date reader knows those names.
    from blickwinkel.store.ingest import parse_feed

    item = f"<item><title>a</title><link>https://news.example/a</link><pubDate>{written}</pubDate></item>"
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{item}</channel></rss>'
    entries = parse_feed("https://news.example/feed.xml", feed.encode()).entries
    assert entries == [("https://news.example/a", date)]


def test_an_unreadable_feed_is_named_with_its_id_from_the_error_table() -> None:
    # The message was written inline in store/ingest.py, with no id and outside the one table.
    from blickwinkel.errors import IngestError
    from blickwinkel.store.ingest import parse_feed

    with pytest.raises(IngestError) as refused:
        parse_feed("https://news.example/feed.xml", b'<?xml version="1.0"?><rss><channel><title>x</ti')
    message = str(refused.value)
    assert message.startswith("https://news.example/feed.xml: [I055] not a readable RSS or Atom feed (")


def test_tracking_parameters_are_left_out_of_an_article_url(server: str, store: Store) -> None:
    # A feed's "?utm_source=rss" and a newsletter's "?utm_medium=email" made two URLs of one article:
    # an edited version came in as a new article instead of replacing the stored one.
    from blickwinkel.ingest.urls import without_tracking
    from tests.unit.test_stories_props import HashedWordsEmbedder

    fetcher = Fetcher(FetchPolicy(allow_networks=("127.0.0.0/8",), host_interval=0.0))
    ingestor = Ingestor(store, embedder=HashedWordsEmbedder(), fetcher=fetcher, analyser=None)
    assert ingestor.ingest([f"{server}/a1?utm_source=rss&utm_medium=feed"]).stored == 1
    assert ingestor.ingest([f"{server}/a1?utm_campaign=morning&fbclid=x1"]).duplicates == 1
    assert [a.url for a in store.list_articles().items] == [f"{server}/a1"]
    assert (
        without_tracking("https://news.example/a?id=3&utm_source=rss#top")
        == "https://news.example/a?id=3#top"
    )
    assert without_tracking("https://news.example/a?page=2") == "https://news.example/a?page=2"


SAVED_FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Osterlin news</title>
<link>{base}/</link>
<item><title>Ferry timetable changes</title><link>{base}/ferry</link><author>Mara Lind</author>
<pubDate>Mon, 02 May 2031 09:00:00 +0200</pubDate>
<description>&lt;p&gt;The ferry to the outer islands leaves an hour earlier from Monday, the operator
said on Sunday.&lt;/p&gt;&lt;p&gt;Commuters asked for the change last winter.&lt;/p&gt;</description></item>
<item><title>Quay</title><link>/a1</link></item>
<item><title>Empty</title></item>
</channel></rss>"""


@pytest.mark.slow
def test_saved_feed_file_reads_entries_with_text_and_names_the_ones_with_only_a_link(
    server: str, store: Store, use_embedder: Embedder, tmp_path: Path
) -> None:
    # `ingest feed.xml` failed whole (I032: give the feed's address), leaving a user with an exported
    # feed stuck.
    path = tmp_path / "export.xml"
    path.write_text(SAVED_FEED.format(base=server), encoding="utf-8")
    ingestor = Ingestor(store, embedder=use_embedder, analyser=None)
    counts = ingestor.ingest([str(path)])
    assert (counts.stored, counts.failed) == (1, 0)
    (article,) = store.list_articles().items
    assert (article.title, article.url, article.published) == (
        "Ferry timetable changes",
        f"{server}/ferry",
        dt.date(2031, 5, 2),
    )
    assert counts.notes == [
        f"{path}: [I073] feed entries without an article's web address (no link, or not http/https), "
        "left out: 1 of 3 ('Empty')",
        f"{path}: [I074] saved feed entries with a link but no text of their own, not fetched (a saved "
        f"feed is read offline): 1 of 3 ({server}/a1); give the file with --fetch-links to fetch "
        "them as a feed address's entries are fetched, or give their addresses",
    ]
    # With the network allowed, the entry with only a link is fetched as a feed address's entries are.
    fetcher = Fetcher(FetchPolicy(allow_networks=("127.0.0.0/8",), host_interval=0.0))
    online = Ingestor(store, embedder=use_embedder, fetcher=fetcher, analyser=None, fetch_feed_links=True)
    again = online.ingest([str(path)])
    assert (again.stored, again.duplicates, again.failed) == (1, 1, 0)
    # the page names its site: the outlet its host named from the feed's entry takes the site's name
    assert {a.outlet for a in store.list_articles().items} == {"Osterlin Post"}


def test_feeds_add_names_the_command_that_reads_a_saved_feed_file(tmp_path: Path) -> None:
    # `feeds add export.xml` said only that http(s) URLs can be fetched (I047), not how to read the file.
    import os

    from typer.testing import CliRunner

    from blickwinkel.cli.main import app

    path = tmp_path / "export.xml"
    path.write_text(SAVED_FEED.format(base="https://news.example"), encoding="utf-8")
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "300"}
    for given in (str(path), path.as_uri()):
        result = CliRunner().invoke(
            app, ["feeds", "add", given, "--db", f"sqlite:///{tmp_path / 'n.db'}"], env=env
        )
        assert result.exit_code == 2
        assert (
            f"{given}: [I079] `feeds add` takes a feed's web address (http:// or https://)" in result.stderr
        )
        assert "`blickwinkel ingest FILE`" in result.stderr


def test_feeds_add_refuses_an_article_page_and_takes_a_feed(server: str, tmp_path: Path) -> None:
    # `feeds add <an article page>` was accepted; every `watch` then failed with I055.
    import os

    from typer.testing import CliRunner

    from blickwinkel.cli.main import app

    db = f"sqlite:///{tmp_path / 'news.db'}"
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "300"}
    runner = CliRunner()
    allow = ["--db", db, "--allow-network", "127.0.0.0/8"]
    page = runner.invoke(app, ["feeds", "add", f"{server}/a1", *allow], env=env)
    assert page.exit_code == 2
    assert "[I075] answers with a page (text/html), not an RSS or Atom feed" in page.stderr
    missing = runner.invoke(app, ["feeds", "add", f"{server}/nothing.xml", *allow], env=env)
    assert missing.exit_code == 2 and "[I044] HTTP 404" in missing.stderr
    feed = runner.invoke(app, ["feeds", "add", f"{server}/feed.xml", *allow], env=env)
    assert feed.exit_code == 0, feed.stderr
    listed = runner.invoke(app, ["feeds", "list", "--db", db], env=env)
    assert f"{server}/feed.xml" in listed.stdout and "Osterlin news" in listed.stdout
    assert f"{server}/a1" not in listed.stdout


@pytest.mark.slow
def test_ingest_fetches_a_saved_feeds_links_with_fetch_links_only(server: str, tmp_path: Path) -> None:
    # The links of a saved feed were fetched when `ingest` was given --allow-network, which names the
    # private networks a fetch may reach (a CIDR), not whether to fetch: --fetch-links asks for it.
    import os

    from typer.testing import CliRunner

    from blickwinkel.cli.main import app

    path = tmp_path / "export.xml"
    path.write_text(SAVED_FEED.format(base=server), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'news.db'}"
    env = {"BLICKWINKEL_CONFIG": os.devnull, "COLUMNS": "300"}
    allow = ["--db", db, "--allow-network", "127.0.0.0/8", "--no-analysis"]
    offline = CliRunner().invoke(app, ["ingest", str(path), *allow], env=env)
    assert offline.exit_code == 0, offline.stderr
    assert "[I074]" in offline.stderr and "--fetch-links" in offline.stderr
    fetched = CliRunner().invoke(app, ["ingest", str(path), "--fetch-links", *allow], env=env)
    assert fetched.exit_code == 0, fetched.stderr
    assert "[I074]" not in fetched.stderr
    assert "1 stored" in fetched.stderr, fetched.stderr


def test_a_saved_feed_without_entries_fails_with_its_name(
    store: Store, use_embedder: Embedder, tmp_path: Path
) -> None:
    # A saved feed file with no entry was read as nothing at all, without a word ("0 stored, 0 failed"),
    # where an empty JSON list fails with I021.
    path = tmp_path / "empty.xml"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet news</title></channel></rss>'
    )
    counts = Ingestor(store, embedder=use_embedder, analyser=None).ingest([str(path)])
    assert (counts.stored, counts.failed) == (0, 1)
    assert [str(e) for e in counts.errors] == [
        f"{path}: [I077] the saved feed holds no entries (no <item> or <entry>): nothing to read"
    ]


def test_watch_fetches_again_only_its_feeds_pages_and_ingest_retry_the_rest(
    local_server: LocalServer, store: Store, tmp_path: Path
) -> None:
    # The store did not keep which feed a failed page came from: every `watch` poll fetched again the
    # addresses given to `ingest` too, and `ingest --retry` fetched the feeds' pages `watch` owes.
    from typer.testing import CliRunner

    from blickwinkel.cli.main import app
    from blickwinkel.store.ingest import failures_to_retry
    from tests.unit.test_stories_props import HashedWordsEmbedder

    hits: Counter[str] = Counter()

    class Handler(QuietHandler):
        def get(self) -> None:
            hits[self.path] += 1
            if self.path == "/links.xml":
                base = f"http://127.0.0.1:{self.server.server_address[1]}"
                self.reply(LINKS_ONLY.format(base=base).encode(), "application/rss+xml")
            else:
                self.send_response(404)
                self.end_headers()

    base = local_server(Handler)
    fetcher = Fetcher(FetchPolicy(allow_networks=("127.0.0.0/8",), host_interval=0.0))
    policy = RetryPolicy(retries=2, wait=0)

    def ingestor() -> Ingestor:
        return Ingestor(store, embedder=HashedWordsEmbedder(), fetcher=fetcher, analyser=None, retry=policy)

    feed = ingestor().add_feed(f"{base}/links.xml")
    assert ingestor().ingest([f"{base}/direct"]).failed == 1
    assert ingestor().poll_feeds().failed == 2
    failures = {f.source.removeprefix(base): (f.feed_id, f.feed) for f in store.failures()}
    assert failures == {
        "/direct": (None, None),
        "/later": (feed.id, "Osterlin news"),
        "/never": (feed.id, "Osterlin news"),
    }
    again = ingestor().poll_feeds()
    assert (again.retried, hits["/direct"], hits["/later"]) == (2, 1, 2)
    owed = failures_to_retry(store, policy)
    assert (owed.sources, owed.left_to_watch) == ([f"{base}/direct"], 2)
    # the feed's pages' tries end (attempts 3 of 2 retries): then they are `ingest --retry`'s too
    assert ingestor().poll_feeds().retries_ended == 2
    owed = failures_to_retry(store, policy)
    assert (sorted(owed.sources), owed.left_to_watch) == (sorted(f"{base}{p}" for p in failures), 0)
    url = store.url
    # 80 columns, as in a pipe: each failure whole (a table gave the source every column)
    listed = CliRunner().invoke(app, ["ingest", "--failed", "--db", url], env={"COLUMNS": "80"})
    assert listed.exit_code == 0
    rows: dict[str, str] = {}
    for line in listed.stdout.splitlines():
        if not line.startswith(" "):
            source = line
        rows[source] = rows.get(source, "") + line + "\n"
    assert set(rows) == {f"{base}{p}" for p in failures}
    assert f"feed {feed.id}: Osterlin news" in rows[f"{base}/never"] and "feed —" in rows[f"{base}/direct"]
    assert all("[I044]" in block and "attempts " in block for block in rows.values()), listed.stdout
    feeds = CliRunner().invoke(app, ["feeds", "list", "--db", url], env={"COLUMNS": "250"})
    assert feeds.exit_code == 0 and "failed" in feeds.stdout
    assert feeds.stdout.splitlines()[3].rstrip(" │").endswith("2")
    # a feed removed leaves its pages' failures without one
    assert store.remove_feed(str(feed.id)) is not None
    assert {f.feed_id for f in store.failures()} == {None}
