"""Where the benchmarks find the shared data: ``../shared`` beside the repository, or the folder
``$BLICKWINKEL_SHARED`` names. One place: seven bench scripts wrote the path each in its own way
before, and only some of them read ``$BLICKWINKEL_SHARED``."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BLICKWINKEL_SHARED", ROOT.parent / "shared"))
# 6,031 real German articles (evaluation only; not redistributed)
CORPUS_DE = SHARED / "data" / "corpus-de" / "articles.jsonl"
