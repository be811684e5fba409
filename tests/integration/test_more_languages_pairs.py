"""Two invented reports of one event in Italian (and later Portuguese and Dutch), compared with the
default embedder: their counts and speakers are read, they share a fact, and the number that differs
is a conflict (tests/unit/test_more_languages.py holds the sentence tables)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rich.console import Console

from blickwinkel.analyse.pipeline import analyse_articles
from blickwinkel.compare import compare_articles
from blickwinkel.embed import Embedder
from blickwinkel.ingest import read_text
from blickwinkel.model import AnalysedArticle
from blickwinkel.report.terminal import render_terminal
from blickwinkel.web.views import story_view

# Two invented reports of one event per language: a shared fact and a number that differs.
PAIRS = {
    "it": (
        "Frana a Borgo Tessa: evacuate quaranta famiglie\n\n"
        "Quaranta famiglie sono state evacuate martedì sera a Borgo Tessa dopo una frana, ha detto il "
        "sindaco, Marta Bellini.\n\n"
        "Secondo i vigili del fuoco, 120 persone hanno lasciato le loro case.",
        "Borgo Tessa, la frana costringe 40 famiglie a lasciare casa\n\n"
        "Martedì sera 40 famiglie hanno lasciato le loro abitazioni a Borgo Tessa per una frana, secondo "
        "la prefettura.\n\n"
        "Sono state evacuate 150 persone, hanno riferito i vigili del fuoco.",
    ),
    "pt": (
        "Deslizamento em Vila Serrana: retiradas quarenta famílias\n\n"
        "Quarenta famílias foram retiradas na noite de terça-feira em Vila Serrana depois de um "
        "deslizamento de terras, disse o presidente da câmara, João Ferreira.\n\n"
        "Segundo os bombeiros, 120 pessoas deixaram as suas casas.",
        "Vila Serrana: deslizamento obriga 40 famílias a deixar as casas\n\n"
        "Na noite de terça-feira, 40 famílias deixaram as suas casas em Vila Serrana por causa de um "
        "deslizamento de terras, segundo a Proteção Civil.\n\n"
        "Foram retiradas 150 pessoas das suas casas, informaram os bombeiros.",
    ),
    "nl": (
        "Aardverschuiving in Heuveldorp: veertig gezinnen geëvacueerd\n\n"
        "Veertig gezinnen werden dinsdagavond in Heuveldorp geëvacueerd na een aardverschuiving, zei de "
        "burgemeester, Anneke de Vries.\n\n"
        "Volgens de brandweer hebben 120 mensen hun huis verlaten.",
        "Heuveldorp: aardverschuiving dwingt 40 gezinnen hun huis te verlaten\n\n"
        "Dinsdagavond moesten 40 gezinnen in Heuveldorp hun huis verlaten door een aardverschuiving, "
        "aldus de gemeente.\n\n"
        "Er werden 150 mensen uit hun huizen gehaald, meldde de brandweer.",
    ),
}


def _analysed(text: str, language: str, source: str) -> AnalysedArticle:
    (analysed,) = analyse_articles([replace(read_text(text, source=source, fmt="text"), language=language)])
    return analysed


@pytest.mark.parametrize("language", sorted(PAIRS))
def test_two_reports_share_a_fact_and_differ_on_a_number(language: str, use_embedder: Embedder) -> None:
    first, second = PAIRS[language]
    pair = [_analysed(first, language, "a.txt"), _analysed(second, language, "b.txt")]
    by_text = {s.text[:12]: s for a in pair for s in a.statements}
    counts = {(q.value, q.unit) for a in pair for s in a.statements for q in s.quantities}
    family, person = {"it": ("famiglia", "persona"), "pt": ("família", "pessoa"), "nl": ("gezin", "mens")}[
        language
    ]
    assert {(40, family), (120, person), (150, person)} <= counts
    assert all(s.speaker for s in by_text.values() if s.kind == "reported_speech"), by_text
    comparison = compare_articles(pair, use_embedder)
    assert any(len(set(f.articles)) == 2 for f in comparison.facts)
    assert [c.kind for c in comparison.conflicts] == ["quantity"]
    assert "120" in str(comparison.conflicts[0].values) and "150" in str(comparison.conflicts[0].values)
    # no opinion is scored in these languages, and the views say so (fourteenth session)
    shown = Console(width=200, record=True)
    shown.print(render_terminal(comparison))
    assert shown.export_text().count(f"· opinion not read ({language})") == 2
    assert "· report" not in shown.export_text()
    page = story_view({a.article.id: a.article for a in pair}, comparison, "de")
    assert [c.opinion_not_read for c in page.columns] == [f"Meinung nicht gelesen ({language})"] * 2
