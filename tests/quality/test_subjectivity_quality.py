"""Quality gate: macro-F1 of the shipped subjectivity models on the CheckThat 2025 dev splits.

The shipped models are fitted on our own sentences only (``data/subjectivity/``); CheckThat
(CC BY-NC-SA 4.0) is used here to measure, never to fit or choose anything. Measured with
    blickwinkel eval subjectivity ../shared/data/subjectivity/checkthat2025-de-dev.tsv --model shipped
    blickwinkel eval subjectivity ../shared/data/subjectivity/checkthat2025-en-dev.tsv --model shipped
    de-dev: macro-F1 0.6863 (491 sentences), en-dev: 0.6786 (462 sentences)
Pinned at the measured value rounded down to 3 decimals. A change that lowers one must say why.
(Eighteenth session: German raised, 0.663 -> 0.672: German comment shapes without a cue word ("-erweise"
adverbs, "sicher" as a sentence adverb, "scheint ... zu"), more German cue words, clause-initial "doch" no
stance word, the German model refitted on 68 more sentences of ours; CheckThat measured afterwards,
nothing chosen on it. Then both raised, de 0.672 -> 0.674, en 0.670 -> 0.678: the cues inside a quotation
of four words or more no longer count. Then de 0.674 -> 0.677: three German list entries that stood in
tuning-half opinion sentences removed by the lead's ruling, the German model refitted. Then de 0.677 ->
0.674, LOWERED: three training sentences of ours that used those three phrases use listed phrases instead
(the same ruling: the phrases were taken from evaluation sentences), the German model refitted; CheckThat
measured afterwards, nothing chosen on it.)
(Nineteenth session: de 0.674 -> 0.676, raised: the review took "invasion", the plain name of
an armed attack, out of the German loaded-label words; CheckThat measured afterwards, nothing chosen on it.)
(Nineteenth session: then German raised, 0.676 -> 0.686: German scare quotes round a label count (names,
titles and a speaker's word in quotation marks do not) and the German model was refitted on 32 more
sentences of ours with quotation marks; before, the loaded-label lists with "invasion" had given 0.6742 (the
pin held). Then 0.686 -> 0.688: label entries that are the plain word of news for what they name taken out
("Regime", "Machthaber", "Diktator" ...). CheckThat measured afterwards, nothing chosen on it.)
(Twentieth session: German LOWERED, 0.688 -> 0.686: the lead put "Flüchtlingswelle" back among the label
words, the sibling of "Flüchtlingsflut"; the review found the whole rise of 0.6863 -> 0.6882 came from that
one entry standing in one CheckThat sentence, so it is not kept.)
(Seventeenth session: both raised, de 0.650 -> 0.661, en 0.659 -> 0.668, by the plain news shapes, the
refit on 60 German and 45 English more sentences of ours and the threshold 0.675 chosen on the tuning half
of examples/gold-real/opinion; CheckThat measured afterwards, nothing chosen on it. Then raised again,
de 0.661 -> 0.663, en 0.668 -> 0.670: German hearsay counted as attribution, English "alleged" an
attribution word. Moving German "angeblich" to the attribution words too was tried and measured here
(de 0.6575) and not kept: it voices the writer's doubt in German, whose reports hedge with "mutmaßlich".)
(Fourteenth session: German lowered from 0.662 (0.6620), English raised from 0.653 (0.6534). Plain
reports with "could not", a possibility ("could reopen"), a necessity laid on the public ("Residents
need to leave by noon", "Anwohner müssen …"), a cause of an event ("because of", "because"/"weil" after
a clause in the past), what is not yet known ("ist noch ungeklärt", "is not yet known") or a count of
people are blanked before the cues are counted: invented plain reports tagged opinion fell from 18 of 22
(en) and 9 of 24 (de) to none, invented opinion with the same words stays (21/22, 20/22). Both models
refitted on our own sentences (leave-one-out accuracy de 0.824 -> 0.849, en 0.751 -> 0.785). CheckThat
measured afterwards, nothing chosen on it: no German CheckThat prediction is changed by the shapes; the
refitted German weights (obligation 0.47 -> 0.84) flip nine, net five fewer right.)
(Thirteenth session: German lowered from 0.677 (0.6776), English from 0.654 (0.6544). A negation
with no other cue of judgement in the sentence ("Die Brücke war nicht befahrbar") no longer counts:
negation alone is no opinion; both models refitted on our own sentences, where leave-one-out accuracy
rose de 0.790 -> 0.824 (en 0.756 -> 0.751) and invented plain negated German reports tagged opinion
fell from 16 of 20 to 1. CheckThat measured afterwards, nothing chosen on it: 7 German neutral
sentences with a negation beside another cue now cross 0.5 (the refit weighs negation 0.44 -> 1.07
where it counts), 6 opinion sentences with a bare negation no longer do.)
(Twelfth session: English lowered from 0.661 (0.6618), German raised from 0.675 (0.6757). "is" and
"are" before an -ing or -ed form, an irregular participle or "to" are auxiliaries, no copula of a
judgement, and "not yet" / "yet to" no stance or argument word; German "beste*" no longer matches
"besteht" or "Bestellungen", "deutlich" and the past "musste(n)" are no cues; both models refitted on
our own sentences. Plain reports of the police and agencies ("Police are searching for …", "A man is
being questioned …") were opinion: 10 of 20 invented English ones and 7 of 20 German ones, now 0 and
3. The rules were written from invented sentences; CheckThat measured afterwards, nothing chosen on it.)
(Lowered from 0.677/0.666 in the sixth session: a negated indefinite pronoun in a plain past fact,
"No one was injured", "Verletzt wurde niemand", no longer counts as a generalisation or negation cue,
and both models were refitted on our own sentences with that feature; the rule was written from
invented sentences and measured here once, not chosen on CheckThat.)
(The earlier pins, 0.666/0.667 = measured minus 0.01 for cues fitted on CheckThat train, are
replaced by these exact values of the models fitted on our own sentences.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from blickwinkel.analyse.subjectivity_eval import evaluate_subjectivity, read_labelled_sentences

PINNED = {"de": 0.686, "en": 0.678}

pytestmark = [pytest.mark.shared, pytest.mark.slow, pytest.mark.quality]


@pytest.mark.parametrize("language", sorted(PINNED))
def test_subjectivity_macro_f1(shared_dir: Path, language: str) -> None:
    path = shared_dir / "data" / "subjectivity" / f"checkthat2025-{language}-dev.tsv"
    if not path.exists():
        pytest.skip(f"{path} is not there (needs ../shared)")
    result = evaluate_subjectivity(read_labelled_sentences(path), language)
    assert result["macro_f1"] >= PINNED[language], result
