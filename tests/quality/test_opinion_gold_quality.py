"""Quality gate: the opinion mark on real news, held-out half of examples/gold-real/opinion/.

Measured with
    blickwinkel eval subjectivity examples/gold-real/opinion/corpus-de.json --split heldout \
        --data-root ../shared/data
(and wikinews-en.json).
Seventeenth session, main's models before any change (the first reading of the held-out half):
    de: opinion F1 0.5098 (P 0.464 / R 0.565), plain sentences marked opinion 0.1613 (116 sentences)
    en: opinion F1 0.4286 (P 0.273 / R 1.000), plain sentences marked opinion 0.200 (86 sentences)
After the plain news shapes, the refit on more of our own sentences and the threshold 0.675 chosen on
the tuning half (seventeenth session, the held-out half read once afterwards):
    de: opinion F1 0.4091 (P 0.429 / R 0.391), plain sentences marked opinion 0.1290
    en: opinion F1 0.4211 (P 0.308 / R 0.667), plain sentences marked opinion 0.1125
With German hearsay ("soll" + perfect infinitive) counted as attribution and English "alleged" an
attribution word, German refitted (seventeenth session, held-out read once more afterwards):
    de: opinion F1 0.3721 (P 0.400 / R 0.348), plain sentences marked opinion 0.1290; en unchanged
After eleven training sentences were rewritten on other topics (review) and both models refitted:
    de: opinion F1 0.3636 (P 0.381 / R 0.348), plain sentences marked opinion 0.1398; en unchanged
Eighteenth session, after the German comment shapes (98047ad), the German source formulas (ba2beb6) and
the quotation rule (9fe17f9), the held-out half read once after the last of them:
    de: opinion F1 0.4186 (P 0.450 / R 0.391), plain sentences marked opinion 0.1183 (11 of 93)
    en: unchanged, opinion F1 0.4211 (P 0.308 / R 0.667), plain sentences marked opinion 0.1125
Nineteenth session, after "sicher" as "safe", the German loaded labels and scare quotes (the German model
refitted on 32 more sentences of ours), a closing source formula as the speaker's, and four plain German
shapes (bea64f8 .. a8437851), the held-out half read once on main 46d17e6:
    de: opinion F1 0.4545 (P 0.476 / R 0.435), plain sentences marked opinion 0.1183 (11 of 93)
    en: unchanged, opinion F1 0.4211 (P 0.308 / R 0.667), plain sentences marked opinion 0.1125
The F1 of ``SUBJ`` is pinned rounded down to 3 decimals, the share of plain sentences marked opinion
rounded up (it must not grow). A change that loosens a pin says which and why.
(Seventeenth session: the F1 pins LOWERED, de 0.509 -> 0.409, en 0.428 -> 0.421: at the threshold 0.675
an opinion whose only cue is a modal or a weak word is no longer marked, German held-out opinion recall
0.565 -> 0.391; the plain-marked pins tightened, de 0.162 -> 0.129, en 0.200 -> 0.113. Then the German
F1 pin LOWERED again, 0.409 -> 0.372, by the hearsay rule and its refit: one held-out opinion sentence
fewer marked, 8 of 23; tuning half unchanged, CheckThat dev de 0.6618 -> 0.6635. Then both German pins
LOOSENED, F1 0.372 -> 0.363 and plain marked 0.129 -> 0.140 (one plain sentence more, 13 of 93): eleven
training sentences of ours that followed the shape and words of a tuning-half sentence (review) were
rewritten on other topics and both models refitted; tuning half and CheckThat unchanged.
Eighteenth session: the German pins raised and tightened, F1 0.363 -> 0.418, plain marked 0.140 -> 0.119.
Nineteenth session: the German F1 pin raised, 0.418 -> 0.454; plain marked unchanged.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from blickwinkel.analyse.subjectivity_eval import evaluate_subjectivity
from blickwinkel.evaluation import read_opinion_gold

GOLD = Path(__file__).resolve().parents[2] / "examples" / "gold-real" / "opinion"
# file: (least F1 of SUBJ, most plain sentences marked)
PINNED = {"corpus-de.json": (0.454, 0.119), "wikinews-en.json": (0.421, 0.113)}

pytestmark = [pytest.mark.shared, pytest.mark.quality]


@pytest.mark.parametrize("name", sorted(PINNED))
def test_opinion_mark_on_held_out_news(shared_dir: Path, name: str) -> None:
    gold = read_opinion_gold(GOLD / name, shared_dir / "data", "heldout")
    assert not gold.failed, gold.failed
    result = evaluate_subjectivity(gold.pairs, gold.language)
    least_f1, most_marked = PINNED[name]
    assert result["per_label"]["SUBJ"]["f1"] >= least_f1, result
    assert result["plain_marked"] <= most_marked, result
