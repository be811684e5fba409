"""The self-contained HTML report: structure, self-containment, escaping and text offsets."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import blickwinkel
from blickwinkel.compare.coverage import Omission
from blickwinkel.model import (
    AnalysedArticle,
    Article,
    Block,
    BlockKind,
    Comparison,
    Conflict,
    Fact,
    Link,
    Mention,
    OutletProfile,
    Quantity,
    Statement,
)
from blickwinkel.report import render_html

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'


# --- building a comparison by hand (invented articles) -------------------------------------------------


def make_article(
    aid: str, blocks: list[tuple[BlockKind, str, str | None]], **meta: object
) -> tuple[Article, list[int]]:
    """An article whose text is its blocks joined by blank lines; also returns each block's start."""
    starts, pos = [], 0
    for _, text, _ in blocks:
        starts.append(pos)
        pos += len(text) + 2
    text = "\n\n".join(t for _, t, _ in blocks)
    made = tuple(Block(k, s, s + len(t), attribution=a) for (k, t, a), s in zip(blocks, starts, strict=True))
    return Article(id=aid, text=text, blocks=made, source=f"{aid}.txt", **meta), starts  # type: ignore[arg-type]


def make_statement(article: Article, sid: str, phrase: str, **extra: object) -> Statement:
    start = article.text.index(phrase)
    return Statement(id=sid, article=article.id, text=phrase, start=start, end=start + len(phrase), **extra)  # type: ignore[arg-type]


def build_comparison(malicious: bool = False) -> Comparison:
    a, _ = make_article(
        "tagesblatt-1",
        [
            ("headline", "Kanalbrücke in Lindenfeld gesperrt", None),
            (
                "lead",
                "Die Stadt hat die alte Kanalbrücke am Montag gesperrt. Rund 40 Pendler mussten umsteigen.",
                None,
            ),
            (
                "paragraph",
                "Laut Bauamt wurden Risse im Pfeiler entdeckt.  Das ist ein Versagen der Verwaltung.",
                None,
            ),
            ("quote_block", "„Wir prüfen alle Optionen.“", "Mara Olsen, Bürgermeisterin"),
            ("caption", "Die Kanalbrücke am frühen Morgen.", None),
        ],
        outlet="Tagesblatt Nord",
        title="Kanalbrücke in Lindenfeld gesperrt",
        url="https://tagesblatt.example/lindenfeld-bruecke",
        published=dt.date(2031, 3, 3),
        language="de",
    )
    b, _ = make_article(
        "rundfunk-1",
        [
            ("headline", "Kanalbrücke nach Rissfund geschlossen", None),
            (
                "paragraph",
                "Die Stadt hat die Kanalbrücke am Montag gesperrt. Etwa 60 Pendler sind betroffen.",
                None,
            ),
            (
                "embedded_post",
                "Umleitung über die Mühlenstraße ab sofort.",
                "Stadt Lindenfeld (@lindenfeld) 3. März",
            ),
            ("subheading", "Reparatur", None),
            ("paragraph", "Die Reparatur soll drei Monate dauern.", None),
        ],
        outlet="Rundfunk West",
        title="Kanalbrücke nach Rissfund geschlossen",
        url="http://rundfunk.example/bruecke",
        published=dt.date(2031, 3, 4),
        language="de",
    )
    sa = [
        make_statement(a, "a1", "Kanalbrücke in Lindenfeld gesperrt", block_kind="headline", kind="headline"),
        make_statement(a, "a2", "Die Stadt hat die alte Kanalbrücke am Montag gesperrt.", block_kind="lead"),
        make_statement(
            a,
            "a3",
            "Rund 40 Pendler mussten umsteigen.",
            quantities=(Quantity("Rund 40", 0, 7, 40.0, "Pendler", True),),
        ),
        make_statement(a, "a4", "Laut Bauamt wurden Risse im Pfeiler entdeckt."),
        make_statement(a, "a5", "Das ist ein Versagen der Verwaltung.", kind="commentary", subjective=True),
        make_statement(
            a,
            "a6",
            "„Wir prüfen alle Optionen.“",
            kind="quote",
            speaker="Mara Olsen",
            block_kind="quote_block",
        ),
        make_statement(a, "a7", "Die Kanalbrücke am frühen Morgen.", kind="caption", block_kind="caption"),
    ]
    sb = [
        make_statement(
            b, "b1", "Kanalbrücke nach Rissfund geschlossen", kind="headline", block_kind="headline"
        ),
        make_statement(b, "b2", "Die Stadt hat die Kanalbrücke am Montag gesperrt."),
        make_statement(b, "b3", "Etwa 60 Pendler sind betroffen."),
        make_statement(b, "b4", "Umleitung über die Mühlenstraße ab sofort.", block_kind="embedded_post"),
        make_statement(b, "b5", "Die Reparatur soll drei Monate dauern."),
    ]
    facts = [
        Fact("f1", ("a1", "a2", "b2"), ("tagesblatt-1", "rundfunk-1"), "b2"),
        Fact("f2", ("a3", "b3"), ("tagesblatt-1", "rundfunk-1"), "a3"),
        Fact("f3", ("a4", "b1"), ("tagesblatt-1", "rundfunk-1"), "a4"),
        Fact("f4", ("a5",), ("tagesblatt-1",), "a5"),
        Fact("f5", ("a6",), ("tagesblatt-1",), "a6"),
        Fact("f6", ("b4",), ("rundfunk-1",), "b4"),
        Fact("f7", ("b5",), ("rundfunk-1",), "b5"),
    ]
    conflicts = [Conflict("c1", "quantity", "f2", ("a3", "b3"), (40.0, 60), "quantity: 40 vs 60 Pendler")]
    outlets = {
        "tagesblatt-1": OutletProfile(5, 2, 1, 0.25, 1, ("Mara Olsen",), shared_facts=3),
        "rundfunk-1": OutletProfile(5, 2, 1, 0.0, 0, (), shared_facts=3),
    }
    analysed = [
        AnalysedArticle(a, tuple(sa), cited_sources=("Bauamt",), subjective_share=0.25, genre="news"),
        AnalysedArticle(b, tuple(sb), subjective_share=0.0, genre="news"),
    ]
    if malicious:
        c, _ = make_article(
            f"evil{BREAKOUT}",
            [
                ("headline", SCRIPT, None),
                ("paragraph", f"Die Stadt hat die Brücke gesperrt. {BREAKOUT} Ende.", None),
                ("quote_block", "Zitat.", SCRIPT),
            ],
            outlet=None,
            title=SCRIPT,
            url="javascript:alert(1)",
            language=BREAKOUT,
        )
        sc = [
            make_statement(c, f"c1{BREAKOUT}", "Die Stadt hat die Brücke gesperrt.", speaker=SCRIPT),
            make_statement(c, "c2", f"{BREAKOUT} Ende."),
            make_statement(c, "c3", SCRIPT, kind="headline"),
        ]
        analysed.insert(0, AnalysedArticle(c, tuple(sc), cited_sources=(SCRIPT,), genre=BREAKOUT))
        facts[0] = replace(
            facts[0], statements=(*facts[0].statements, sc[0].id), articles=(*facts[0].articles, c.id)
        )
        facts.append(Fact(f"f{BREAKOUT}", ("c2",), (c.id,), "c2"))
        conflicts.append(Conflict("c2", SCRIPT, "f1", (sc[0].id, "b2"), (SCRIPT, BREAKOUT), SCRIPT))
        outlets[c.id] = OutletProfile(
            2,
            1,
            1,
            None,
            0,
            (SCRIPT,),
            ends_in_commentary=True,
            cited_sources=(BREAKOUT,),
            entities_omitted=(SCRIPT,),
            word_choice=(BREAKOUT, SCRIPT),
            copy_of=f"elsewhere{SCRIPT}",
            shared_facts=1,
        )
        conflicts.append(Conflict("c3", "actor", "f1", (sc[0].id, "a2"), (SCRIPT, True), BREAKOUT))
        omissions = {c.id: (Omission(f"gone{SCRIPT}", 2, 0.5), Omission("f2", 2, 0.4))}
    return Comparison(
        articles=tuple(analysed),
        facts=tuple(facts),
        conflicts=tuple(conflicts),
        links=(Link("a2", "b2", 0.91),),
        outlets=outlets,
        embedder=f"use{SCRIPT}" if malicious else "use",
        omissions=omissions if malicious else {},
    )


# --- a strict little HTML checker ----------------------------------------------------------------------


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: list[str] = field(default_factory=list)
    children: list[Element] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def all_text(self) -> str:
        return "".join(self.text)

    def walk(self) -> list[Element]:
        out = [self]
        for child in self.children:
            out += child.walk()
        return out

    def find(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        """Descendants (not the element itself) with that tag and class."""
        found = self.walk()[1:]
        return [e for e in found if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)]


class StrictTree(HTMLParser):
    """Builds a tree and records every mismatched or unclosed tag (html.parser alone never complains)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]
        self.errors: list[str] = []
        self.decl: list[str] = []

    def handle_decl(self, decl: str) -> None:
        self.decl.append(decl)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.errors.append(f"end tag for void element {tag}")
        elif self.stack[-1].tag != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1].tag}>")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        for el in self.stack:
            el.text.append(data)


def parse(page: str) -> StrictTree:
    tree = StrictTree()
    tree.feed(page)
    tree.close()
    assert tree.errors == []
    assert [e.tag for e in tree.stack] == ["#root"], "unclosed elements"
    return tree


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return build_comparison()


@pytest.fixture(scope="module")
def page(comparison: Comparison) -> str:
    return render_html(comparison, language="en")


@pytest.fixture(scope="module")
def tree(page: str) -> StrictTree:
    return parse(page)


# --- tests ---------------------------------------------------------------------------------------------


def test_valid_html5_document(page: str, tree: StrictTree) -> None:
    assert page.lstrip().startswith("<!DOCTYPE html>")
    assert tree.decl == ["DOCTYPE html"]
    html_el = tree.root.find("html")[0]
    assert html_el.attrs["lang"] == "en"
    metas = tree.root.find("meta")
    assert any(
        m.attrs.get("name") == "viewport" and "width=device-width" in m.attrs["content"] for m in metas
    )
    assert any("charset" in m.attrs for m in metas)
    ids = [e.attrs["id"] for e in tree.root.walk() if "id" in e.attrs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert all(not re.search(r"\s", i) for i in ids)


def test_self_contained(comparison: Comparison, tree: StrictTree) -> None:
    own_urls = {a.article.url for a in comparison.articles}
    assert tree.root.find("link") == []
    assert tree.root.find("img") == [] and tree.root.find("iframe") == []
    scripts, styles = tree.root.find("script"), tree.root.find("style")
    assert len(scripts) == 1 and len(styles) == 1
    assert "src" not in scripts[0].attrs
    for el in tree.root.walk():
        assert "src" not in el.attrs, el.tag
        assert not any(name.startswith("on") for name in el.attrs), el.attrs
        href = el.attrs.get("href")
        if href is not None:
            assert href.startswith("#") or href in own_urls, href
    css = styles[0].all_text()
    assert "@import" not in css and "url(" not in css
    assert "http://" not in css + scripts[0].all_text() and "https://" not in css + scripts[0].all_text()
    assert "addEventListener" in scripts[0].all_text()


def test_every_statement_is_a_span_with_its_class(comparison: Comparison, tree: StrictTree) -> None:
    expected = {
        "a1": "shared", "a2": "shared", "a3": "conflict", "a4": "shared", "a5": "unique", "a6": "unique",
        "a7": "none", "b1": "shared", "b2": "shared", "b3": "conflict", "b4": "unique", "b5": "unique",
    }  # fmt: skip
    spans = {e.attrs["id"]: e for e in tree.root.find("span", "st") if "id" in e.attrs}
    fact_of = {sid: f.id for f in comparison.facts for sid in f.statements}
    for statement in comparison.statements:
        span = spans[f"st-{statement.id}"]
        assert span.classes[:2] == ["st", expected[statement.id]]
        assert span.all_text() == statement.text
        assert span.attrs["tabindex"] == "0"
        assert span.attrs.get("data-fact") == fact_of.get(statement.id)
    assert "opinion/commentary" in spans["st-a5"].attrs["title"]
    assert "subj" in spans["st-a5"].classes
    assert "Mara Olsen" in spans["st-a6"].attrs["title"]
    assert "title" not in spans["st-a7"].attrs
    assert spans["st-b3"].attrs["title"] == "conflict: quantity: 40 vs 60 Pendler"


def test_articles_blocks_render_as_their_kinds(tree: StrictTree) -> None:
    bodies = tree.root.find("div", "body")
    assert [b.attrs["data-article"] for b in bodies] == ["tagesblatt-1", "rundfunk-1"]
    first, second = bodies
    assert first.find("h2", "headline")[0].all_text() == "Kanalbrücke in Lindenfeld gesperrt"
    quote = first.find("figure", "quote_block")[0]
    assert quote.find("blockquote")[0].all_text() == "„Wir prüfen alle Optionen.“"
    assert quote.find("figcaption")[0].all_text() == "— Mara Olsen, Bürgermeisterin"
    assert first.find("p", "caption")
    assert first.find("p", "lead")
    assert second.find("figure", "embedded_post")[0].find("figcaption")[0].all_text().startswith("— Stadt")
    assert second.find("h3", "subheading")[0].all_text() == "Reparatur"
    # whitespace between statements is kept as it is
    para = first.find("p", "paragraph")[0]
    assert (
        para.all_text()
        == "Laut Bauamt wurden Risse im Pfeiler entdeckt.  Das ist ein Versagen der Verwaltung."
    )


def test_rendered_block_text_equals_article_offsets(comparison: Comparison, tree: StrictTree) -> None:
    bodies = {b.attrs["data-article"]: b for b in tree.root.find("div", "body")}
    for analysed in comparison.articles:
        article = analysed.article
        rendered = bodies[article.id].find(cls="bt")
        assert [e.all_text() for e in rendered] == [article.block_text(b) for b in article.blocks]
        assert [(int(e.attrs["data-start"]), int(e.attrs["data-end"])) for e in rendered] == [
            (b.start, b.end) for b in article.blocks
        ]
        assert "\n\n".join(e.all_text() for e in rendered) == article.text


def test_summary_shared_unique_and_conflicts(tree: StrictTree) -> None:
    summary = next(e for e in tree.root.find("section") if e.attrs.get("id") == "summary")
    shared = summary.find("li", "shared")
    assert len(shared) == 3
    first = shared[0]
    assert "Die Stadt hat die Kanalbrücke am Montag gesperrt." in first.all_text()
    assert [t.all_text() for t in first.find("span", "tag")] == ["Tagesblatt Nord", "Rundfunk West"]
    assert first.find("a")[0].attrs["href"] == "#st-b2"
    assert [("conflicted" in li.classes) for li in shared] == [False, True, False]
    headings = [h.all_text() for h in summary.find("h4")]
    assert headings == ["Tagesblatt Nord (2)", "Rundfunk West (2)"]
    assert len(summary.find("li", "unique")) == 4
    card = summary.find("div", "conflict-card")[0]
    sides = card.find("figure", "side")
    assert [s.find("blockquote")[0].all_text() for s in sides] == [
        "Rund 40 Pendler mussten umsteigen.",
        "Etwa 60 Pendler sind betroffen.",
    ]
    assert [s.find("strong", "value")[0].all_text() for s in sides] == ["40", "60"]
    assert "40 vs 60" in card.find("p", "conflict-head")[0].all_text()
    assert card.find("p", "reason")[0].all_text() == "quantity: 40 vs 60 Pendler"


def test_coverage_matrix(tree: StrictTree) -> None:
    matrix = tree.root.find("table", "matrix")[0]
    header = [th.all_text() for th in matrix.find("thead")[0].find("th")]
    assert header == ["Fact", "Tagesblatt Nord", "Rundfunk West"]
    rows = {
        row.find("th")[0].attrs["title"]: [(td.classes[1], td.all_text()) for td in row.find("td")]
        for row in matrix.find("tbody")[0].find("tr")
    }
    assert len(rows) == 7
    assert rows["Die Stadt hat die Kanalbrücke am Montag gesperrt."] == [("yes", "✓"), ("yes", "✓")]
    assert rows["Rund 40 Pendler mussten umsteigen."] == [("conflict", "⚠"), ("conflict", "⚠")]
    assert rows["Die Reparatur soll drei Monate dauern."] == [("no", "—"), ("yes", "✓")]


def test_header_profiles_and_footer(tree: StrictTree, page: str) -> None:
    header = tree.root.find("header", "page")[0]
    assert header.find("h1")[0].all_text() == "Kanalbrücke in Lindenfeld gesperrt"
    meta = " ".join(header.find("p", "meta")[0].all_text().split())
    assert (
        "2 articles from 2 outlets" in meta and "language: de" in meta and "2031-03-03 – 2031-03-04" in meta
    )
    assert len(header.find("ul", "legend")[0].find("li")) == 4
    profiles = tree.root.find("table", "profile")
    assert [p.find("caption")[0].all_text() for p in profiles] == ["Tagesblatt Nord", "Rundfunk West"]
    rows = {r.find("th")[0].all_text(): r.find("td")[0].all_text() for r in profiles[0].find("tr")}
    assert rows["Subjective share"] == "25 %"
    assert rows["Speakers"] == "Mara Olsen"
    assert rows["Cited sources"] == "Bauamt"
    assert rows["Genre"] == "news"
    assert rows["Facts"] == "5" and rows["Unique facts"] == "2" and rows["Conflicting facts"] == "1"
    assert f"Made with blickwinkel {blickwinkel.__version__}, embedder use" in page


def test_article_links_only_for_http_urls(tree: StrictTree) -> None:
    links = [a.attrs["href"] for a in tree.root.find("a") if not a.attrs["href"].startswith("#")]
    assert links == ["https://tagesblatt.example/lindenfeld-bruecke", "http://rundfunk.example/bruecke"]


def test_escapes_untrusted_input() -> None:
    page = render_html(build_comparison(malicious=True), language="en")
    tree = parse(page)
    assert "<script>alert" not in page
    assert "<img" not in page
    assert "javascript:" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert len(tree.root.find("script")) == 1
    assert tree.root.find("img") == []
    for el in tree.root.walk():
        assert not any(name.startswith("on") for name in el.attrs)
        assert not el.attrs.get("href", "#").lower().startswith("javascript")
    # the malicious article text still reads back exactly, as text
    body = next(b for b in tree.root.find("div", "body") if b.attrs["data-article"].startswith("evil"))
    paragraph = body.find(cls="bt")[1].all_text()
    assert paragraph == f"Die Stadt hat die Brücke gesperrt. {BREAKOUT} Ende."
    spans = {e.attrs.get("id"): e for e in body.find("span", "st")}
    assert spans["st-c1" + BREAKOUT.replace(" ", "_")].attrs["title"].endswith(f"speaker: {SCRIPT}")


def test_nonce_on_script_and_style() -> None:
    page = render_html(build_comparison(), nonce='r4nd"om', language="en")
    tree = parse(page)
    assert tree.root.find("script")[0].attrs["nonce"] == 'r4nd"om'
    assert tree.root.find("style")[0].attrs["nonce"] == 'r4nd"om'
    assert 'nonce="r4nd&#34;om"' in page
    plain = parse(render_html(build_comparison(), language="en"))
    assert "nonce" not in plain.root.find("script")[0].attrs


def test_empty_comparison_renders() -> None:
    page = render_html(Comparison(articles=(), facts=(), conflicts=(), links=(), outlets={}), language="en")
    tree = parse(page)
    assert tree.root.find("h1")[0].all_text() == "Comparison of news articles"
    assert "No facts." in page


def test_article_without_outlet_is_labelled_by_id_and_an_unknown_outlet() -> None:
    base = build_comparison()
    first = base.articles[0]
    nameless = replace(first, article=replace(first.article, outlet=None))
    tree = parse(render_html(replace(base, articles=(nameless, base.articles[1])), language="en"))
    header = [th.all_text() for th in tree.root.find("table", "matrix")[0].find("thead")[0].find("th")]
    assert header == ["Fact", "tagesblatt-1 (outlet unknown)", "Rundfunk West"]


TEXT_BLOCKS: list[tuple[BlockKind, str, str | None]] = [
    ("headline", "Ein Titel", None),
    ("paragraph", "Erster Satz hier. Zweiter Satz <b>dort</b> & mehr.", None),
    ("quote_block", "„Ein Zitat.“", "Jemand"),
]


@settings(max_examples=60)
@given(st.lists(st.tuples(st.integers(-3, 90), st.integers(0, 30)), max_size=6))
def test_any_statement_offsets_keep_the_text(spans: list[tuple[int, int]]) -> None:
    """Overlapping, nested, block-crossing or out-of-range statements never change the visible text."""
    article, _ = make_article("x", TEXT_BLOCKS)
    statements = tuple(
        Statement(f"s{n}", "x", article.text[max(0, s) : s + w], s, s + w) for n, (s, w) in enumerate(spans)
    )
    facts = tuple(Fact(f"f{n}", (s.id,), ("x",), s.id) for n, s in enumerate(statements))
    comparison = Comparison((AnalysedArticle(article, statements),), facts, (), (), {})
    tree = parse(render_html(comparison, language="en"))
    rendered = tree.root.find("div", "body")[0].find(cls="bt")
    assert [e.all_text() for e in rendered] == [article.block_text(b) for b in article.blocks]
    for span in tree.root.find("span", "st"):
        assert span.find("span") == [], "statement spans never nest"


# --- coverage, omissions, first reports, outlet badges and conflict kinds --------------------------------


def section(tree: StrictTree, sid: str) -> Element:
    return next(e for e in tree.root.find("section") if e.attrs.get("id") == sid)


def matrix_rows(tree: StrictTree) -> list[tuple[str, list[str]]]:
    body = tree.root.find("table", "matrix")[0].find("tbody")[0]
    return [(r.find("th")[0].attrs["title"], [td.classes[1] for td in r.find("td")]) for r in body.find("tr")]


def test_coverage_matrix_uses_the_comparison_coverage_and_centrality(comparison: Comparison) -> None:
    central = {"f7": 0.9, "f3": 0.5, "f1": 0.5}
    facts = tuple(replace(f, centrality=central.get(f.id, 0.0)) for f in comparison.facts)
    ids = ("tagesblatt-1", "rundfunk-1")
    coverage = {f.id: dict.fromkeys(ids, "absent") for f in facts}
    coverage["f1"] = {"tagesblatt-1": "reported", "rundfunk-1": "conflict"}
    coverage["f7"] = {"tagesblatt-1": "absent", "rundfunk-1": "reported"}
    tree = parse(render_html(replace(comparison, facts=facts, coverage=coverage), language="en"))
    rows = matrix_rows(tree)
    # centrality first (f7, then f3 and f1 by the number of articles, f1 before f3 by input order)
    assert [text for text, _ in rows[:3]] == [
        "Die Reparatur soll drei Monate dauern.",
        "Die Stadt hat die Kanalbrücke am Montag gesperrt.",
        "Laut Bauamt wurden Risse im Pfeiler entdeckt.",
    ]
    cells = dict(rows)
    assert cells["Die Stadt hat die Kanalbrücke am Montag gesperrt."] == ["yes", "conflict"]
    assert cells["Rund 40 Pendler mussten umsteigen."] == ["no", "no"]  # the given matrix wins
    matrix = tree.root.find("table", "matrix")[0].find("tbody")[0]
    absent = [td for td in matrix.find("td", "no")]
    assert all(td.find("a") == [] for td in absent), "absent cells link nowhere"
    shared = section(tree, "summary").find("li", "shared")
    assert "conflicted" in shared[0].classes  # f1: reported with a conflict per the coverage


def test_coverage_falls_back_to_the_facts_when_absent(tree: StrictTree) -> None:
    cells = dict(matrix_rows(tree))
    assert cells["Rund 40 Pendler mussten umsteigen."] == ["conflict", "conflict"]


def test_left_out_lists_omissions_most_reported_first(comparison: Comparison) -> None:
    facts = (*comparison.facts, Fact("f8", ("b4", "a4"), ("rundfunk-1", "extra"), "b4"))
    missing = [Omission(f"gone-{n}", 2, 0.1) for n in range(8)]
    omissions = {
        "tagesblatt-1": (Omission("f7", 2, 0.9), Omission("f8", 3, 0.2), *missing),
        "rundfunk-1": (),
    }
    tree = parse(render_html(replace(comparison, facts=facts, omissions=omissions), language="en"))
    nav = [a.attrs["href"] for a in tree.root.find("nav")[0].find("a")]
    assert "#left-out" in nav
    groups = section(tree, "left-out").find("div", "omission-group")
    assert [" ".join(g.find("h3")[0].all_text().split()) for g in groups] == [
        "Tagesblatt Nord (10)",
        "Rundfunk West (0)",
    ]
    items = groups[0].find("li", "omission")
    assert len(items) == 8
    assert items[0].find("a")[0].all_text() == "Umleitung über die Mühlenstraße ab sofort."
    assert items[0].find("a")[0].attrs["href"] == "#st-b4"
    assert items[0].find("span", "reported-by")[0].all_text() == "reported by 3 outlets"
    assert items[1].find("a")[0].all_text() == "Die Reparatur soll drei Monate dauern."
    assert items[1].attrs["title"] == "reported by Rundfunk West"
    assert items[2].all_text().startswith("gone-0")  # a fact the comparison does not hold: its id
    assert groups[0].find("p", "more")[0].all_text() == "and 2 more"
    assert groups[1].find("li") == [] and groups[1].find("p", "empty")


def test_no_left_out_section_without_omissions(tree: StrictTree, page: str) -> None:
    assert not any(e.attrs.get("id") == "left-out" for e in tree.root.find("section"))
    assert "#left-out" not in page


def test_shared_fact_marks_the_outlet_that_reported_it_first(comparison: Comparison) -> None:
    facts = tuple(replace(f, earliest="tagesblatt-1") if f.id == "f1" else f for f in comparison.facts)
    facts = tuple(replace(f, earliest="rundfunk-1") if f.id == "f6" else f for f in facts)
    tree = parse(render_html(replace(comparison, facts=facts), language="en"))
    summary = section(tree, "summary")
    first = summary.find("li", "shared")[0]
    tags = first.find("span", "tag")
    assert [" ".join(t.all_text().split()) for t in tags] == ["Tagesblatt Nord · first", "Rundfunk West"]
    assert "first" in tags[0].classes and "first" not in tags[1].classes
    assert len(summary.find("span", "first")) == 1  # unique facts carry no mark


def test_outlet_badges_names_and_independent_sources(comparison: Comparison) -> None:
    olsen = Mention("Mara Olsen", 0, 10, "PER", "per:mara-olsen")
    amt = Mention("Bauamt", 0, 6, "ORG", "org:bauamt")
    amt_long = Mention("Bauamt Lindenfeld", 0, 17, "ORG", "org:bauamt")
    articles = []
    for analysed in comparison.articles:
        statements = tuple(
            replace(s, entities=(olsen, amt)) if s.id == "a4" else s for s in analysed.statements
        )
        statements = tuple(replace(s, entities=(amt_long,)) if s.id == "b2" else s for s in statements)
        articles.append(replace(analysed, statements=statements))
    outlets = dict(comparison.outlets)
    outlets["rundfunk-1"] = replace(
        outlets["rundfunk-1"],
        ends_in_commentary=True,
        cited_sources=("dpa",),
        entities_named=("org:bauamt",),
        entities_omitted=("per:mara-olsen", "loc:unbekannt"),
        word_choice=("Rissfund", "Umleitung"),
        copy_of="tagesblatt-1",
        speakers=("per:mara-olsen",),
    )
    tree = parse(render_html(replace(comparison, articles=tuple(articles), outlets=outlets), language="en"))
    meta = " ".join(tree.root.find("header", "page")[0].find("p", "meta")[0].all_text().split())
    assert "2 articles from 2 outlets" in meta and "· 1 independent source ·" in meta
    heads = tree.root.find("header", "art-head")
    assert heads[0].find("span", "badge") == []
    assert [b.all_text() for b in heads[1].find("span", "badge")] == [
        "copy of Tagesblatt Nord",
        "ends in commentary",
    ]
    profile = tree.root.find("table", "profile")[1]
    caption = profile.find("caption")[0]
    assert [b.all_text() for b in caption.find("span", "badge")] == [
        "copy of Tagesblatt Nord",
        "ends in commentary",
    ]
    rows = {r.find("th")[0].all_text(): r.find("td")[0].all_text() for r in profile.find("tr")}
    assert rows["Names"] == "Bauamt"  # the most frequent mention text of the key (a tie: the first)
    assert rows["Does not name"] == "Mara Olsen, loc:unbekannt"  # unknown keys stay as they are
    assert rows["Own words"] == "Rissfund, Umleitung"
    assert rows["Cited sources"] == "dpa"
    assert rows["Speakers"] == "Mara Olsen"
    assert rows["Ends in commentary"] == "yes" and rows["Copy of"] == "Tagesblatt Nord"
    plain = {
        r.find("th")[0].all_text(): r.find("td")[0].all_text()
        for r in tree.root.find("table", "profile")[0].find("tr")
    }
    assert plain["Ends in commentary"] == "no" and "Copy of" not in plain
    assert plain["Cited sources"] == "Bauamt"


def test_conflict_cards_render_every_kind_of_value(comparison: Comparison) -> None:
    quantity = {"text": "rund 40 Pendler", "value": 40, "unit": "Pendler", "approximate": True}
    olsen = Mention("Mara Olsen", 0, 10, "PER", "per:mara-olsen")
    first = comparison.articles[0]
    statements = tuple(replace(s, entities=(olsen,)) if s.id == "a6" else s for s in first.statements)
    conflicts = (
        Conflict("c1", "quantity", "f2", ("a3", "b3"), (quantity, 60.0), "pendler"),
        Conflict("c2", "actor", "f1", ("a2", "b2"), ("Stadt", "Land"), "actor: Stadt vs Land"),
        Conflict("c3", "place", "f3", ("a4", "b1"), ("Pfeiler", "Brücke"), "place"),
        Conflict("c4", "speaker", "f1", ("a2", "b2"), ("per:mara-olsen", "Jon Berg"), "speaker"),
        Conflict("c5", "negation", "f3", ("a4", "b1"), (False, True), "negated on one side"),
        Conflict("c6", "date", "f1", ("a2", "b2"), ("2031-03-03", None), "date"),
    )
    page = render_html(
        replace(
            comparison,
            articles=(replace(first, statements=statements), comparison.articles[1]),
            conflicts=conflicts,
        ),
        language="en",
    )
    cards = {c.attrs["id"]: c for c in parse(page).root.find("div", "conflict-card")}

    def values(cid: str) -> list[str]:
        return [
            s.find("strong", "value")[0].all_text() for s in cards[f"conflict-{cid}"].find("figure", "side")
        ]

    assert values("c1") == ["rund 40 Pendler", "60"]
    assert values("c2") == ["Stadt", "Land"]
    assert values("c3") == ["Pfeiler", "Brücke"]
    assert values("c4") == ["Mara Olsen", "Jon Berg"]
    assert values("c5") == ["not negated", "negated"]
    assert values("c6") == ["2031-03-03", "—"]
    head = " ".join(cards["conflict-c2"].find("p", "conflict-head")[0].all_text().split())
    assert head == "⚠ Different person or organisation actor · values: Stadt vs Land"
    assert "Different place" in cards["conflict-c3"].all_text()
    assert "Stated on one side, negated on the other" in cards["conflict-c5"].all_text()
    assert "{" not in " ".join(c.all_text() for c in cards.values())


def test_new_sections_escape_untrusted_input() -> None:
    page = render_html(build_comparison(malicious=True), language="en")
    tree = parse(page)
    assert "<script>alert" not in page and "<img" not in page
    assert tree.root.find("img") == [] and len(tree.root.find("script")) == 1
    left_out = section(tree, "left-out")
    assert f"gone{SCRIPT}" in left_out.all_text()
    head = next(h for h in tree.root.find("header", "art-head") if h.find("span", "badge"))
    assert f"copy of elsewhere{SCRIPT}" in [b.all_text() for b in head.find("span", "badge")]
    profile = tree.root.find("table", "profile")[0]
    rows = {r.find("th")[0].all_text(): r.find("td")[0].all_text() for r in profile.find("tr")}
    assert rows["Own words"] == f"{BREAKOUT}, {SCRIPT}"
    assert rows["Does not name"] == SCRIPT
    assert BREAKOUT in rows["Cited sources"]


def _with_paywalled_second_article(comparison: Comparison) -> Comparison:
    first, second = comparison.articles
    teaser = replace(second, article=replace(second.article, paywalled=True))
    return replace(comparison, articles=(first, teaser), omissions={"tagesblatt-1": (), "rundfunk-1": ()})


def test_a_paywalled_article_is_marked_beside_it(comparison: Comparison) -> None:
    # The JSON said "paywalled", the HTML report nothing: a teaser's "left out" facts read as omissions.
    tree = parse(render_html(_with_paywalled_second_article(comparison), language="en"))
    heads = tree.root.find("header", "art-head")
    marks = [[b.all_text() for b in head.find("span", "badge")] for head in heads]
    assert marks == [[], ["teaser only — paywalled"]]
    groups = section(tree, "left-out").find("div", "omission-group")
    assert [" ".join(g.find("h3")[0].all_text().split()) for g in groups] == [
        "Tagesblatt Nord (0)",
        "Rundfunk West (0) teaser only — paywalled",
    ]
    captions = [c.all_text() for c in tree.root.find("caption")]
    assert any("Rundfunk West" in c and "teaser only — paywalled" in c for c in captions)


def test_the_notes_of_a_comparison_stand_above_its_summary(comparison: Comparison) -> None:
    # The terminal printed them as warnings; a saved HTML report said nothing of them.
    first, second = comparison.articles
    noted = replace(second, article=replace(second.article, notes=("rundfunk-1: a reader's note",)))
    tree = parse(render_html(replace(comparison, articles=(first, noted)), language="en"))
    [notes] = tree.root.find("aside", "notes")
    assert [li.all_text() for li in notes.find("li")] == ["rundfunk-1: a reader's note"]
    assert not parse(render_html(comparison, language="en")).root.find("aside", "notes")


def test_article_text_reads_in_its_own_direction() -> None:
    # An Arabic article's paragraphs were laid out left to right (no lang, no dir on its text), so
    # its punctuation stood at the wrong end; each block now finds its direction from its own text.
    page = render_html(build_comparison(), language="en")
    blocks = re.findall(r'<(?:p|h2|h3|blockquote) class="(?:blk|bt)[^>]*>', page)
    assert blocks and all('dir="auto"' in block for block in blocks)
    assert '<div class="body" data-article="tagesblatt-1" lang="de">' in page


def test_a_german_report_has_german_words_and_says_its_language() -> None:
    # the invented articles are German: "auto" chooses German, the library's default stays English
    german = render_html(build_comparison(), language="auto")
    tree = parse(german)
    assert tree.root.find("html")[0].attrs["lang"] == "de"
    status = tree.root.find("p", "status")[0]
    assert status.attrs["data-fact"] == "Fakt" and status.attrs["data-in-articles"] == "Artikeln"
    for words in ("Überblick", "Gemeinsame Fakten", "Nur in einem Medium", "Widersprüche", "Medienprofile"):
        assert words in german, words
    shown = re.sub(r"<(style|script)[^>]*>.*?</\1>", "", german, flags=re.DOTALL)  # the words, not the CSS
    for words in ("Summary", "Shared facts", "Only in one outlet", "Outlet profiles", "Made with"):
        assert words not in shown, words
    assert 'lang="en"' in render_html(build_comparison())
