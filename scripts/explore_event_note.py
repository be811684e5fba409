"""How often the "different events" note of ``compare`` would speak, on our own invented stories only.

Usage::

    python scripts/explore_event_note.py [--pairs 1500] [--seed 1]

The note (compare/events.py) names groups of articles that share no fact only where the story model
keeps them apart: :func:`blickwinkel.stories.cluster.one_story_groups`, the mean same-event
probability of their articles' pairs against the clusterer's join probability. Here every pair of two
articles of one story of ``examples/train-stories`` (one event each) and a random sample of pairs of
two stories is asked as two one-article groups: the share of one-event pairs the note would still
call different events (false alarms where the link model finds no shared fact), and the share of
two-event pairs it would hold for one event (a warning missed). No evaluation data is read.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from blickwinkel.embed import get_embedder
from blickwinkel.ingest import read_inputs
from blickwinkel.stories.cluster import one_story_groups
from blickwinkel.stories.features import story_docs

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pairs", type=int, default=1500, help="pairs of two stories sampled")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--embedder", default="use")
    args = ap.parse_args()
    articles, story = [], []
    for folder in sorted(p for p in (ROOT / "examples" / "train-stories").iterdir() if p.is_dir()):
        for article in read_inputs([str(folder)]).articles:
            articles.append(article)
            story.append(folder.name)
    docs = story_docs(articles, get_embedder(args.embedder))
    n = len(docs)
    same = [(i, j) for i in range(n) for j in range(i + 1, n) if story[i] == story[j]]
    other = [(i, j) for i in range(n) for j in range(i + 1, n) if story[i] != story[j]]
    other = random.Random(args.seed).sample(other, min(args.pairs, len(other)))
    print(f"{n} articles of {len(set(story))} stories")
    for name, pairs, wrong in (("one event", same, 2), ("two events", other, 1)):
        said = sum(len(one_story_groups([[docs[i]], [docs[j]]])) == wrong for i, j in pairs)
        what = "called different events" if wrong == 2 else "held for one event"
        print(f"{name}: {len(pairs)} pairs, {said} {what} ({said / len(pairs):.3f})")


if __name__ == "__main__":
    main()
