"""Pure text handling: normalisation, sentence, clause and token splitting with character offsets."""

from __future__ import annotations

from blickwinkel.text._clauses import split_statements
from blickwinkel.text._normalise import content_hash, normalise, repair_mojibake
from blickwinkel.text._sentences import split_sentences, tokenize

__all__ = ["content_hash", "normalise", "repair_mojibake", "split_sentences", "split_statements", "tokenize"]
