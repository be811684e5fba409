"""An article's own restatements: two statements of one article that state one fact.

The link model reads two articles' statements; within one article it misses most restatements (a
lead told again in the body scores no higher than two facts of the story that share its names,
docs/data-sources.md, "Restatements measured"). One shape it misses stands out, though: two
statements of one article that are each other's nearest in that article, by a wide margin over
their next neighbours there, and very alike in meaning — a sentence told twice with other words
("The council approved the footbridge on Tuesday." … "On Tuesday the footbridge was approved by
the council."). Two different facts that share the story's names have other neighbours about as
near, and numbers that differ say two facts. Pure: reads a similarity matrix and the statements'
numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

# Two statements of one article restate each other when their cosine (USE scale) is at least this,
# each is the other's nearest statement of the article, and the cosine stands this much above the
# mean of each one's RESTATEMENT_NEIGHBOURS nearest other statements there (the larger of the two
# means). Chosen on the tuning half of the real-news gold and checked on our own stories
# (docs/data-sources.md, "Restatements joined").
RESTATEMENT_MIN_COSINE = 0.75
RESTATEMENT_MIN_MARGIN = 0.1
RESTATEMENT_NEIGHBOURS = 4


def stand_out_together(
    sims: npt.NDArray[np.float32],
    peers: Sequence[int] | npt.NDArray[np.int64],
    i: int,
    j: int,
    values: tuple[frozenset[float], frozenset[float]],
) -> bool:
    """Statements ``i`` and ``j`` (indexes into ``sims``) of one article, whose statements are
    ``peers``, restate each other: alike (:data:`RESTATEMENT_MIN_COSINE`), each the other's nearest
    among ``peers``, standing :data:`RESTATEMENT_MIN_MARGIN` above their other neighbours, and stating
    the same numbers when both state some (``values``)."""
    cosine = float(sims[i, j])
    if cosine < RESTATEMENT_MIN_COSINE:
        return False
    first, second = values
    if first and second and first != second:
        return False
    around = []
    for a, b in ((i, j), (j, i)):
        others = np.array([int(k) for k in peers if int(k) not in (a, b)], dtype=np.int64)
        if others.size == 0:
            return False
        row = np.sort(sims[a, others])
        if float(row[-1]) > cosine:
            return False
        around.append(float(row[-RESTATEMENT_NEIGHBOURS:].mean()))
    return cosine - max(around) >= RESTATEMENT_MIN_MARGIN
