"""Stories: which articles report the same event (pair score, near-duplicates, streaming clustering)."""

from __future__ import annotations

from blickwinkel.stories.cluster import Story, StoryClusterer, cluster_articles, cluster_stories
from blickwinkel.stories.duplicates import find_near_duplicates
from blickwinkel.stories.features import StoryDoc, article_from_text, story_doc, story_docs
from blickwinkel.stories.metrics import ClusteringScores, clustering_scores, pearson
from blickwinkel.stories.score import PairScore, pair_features, same_story_score

__all__ = [
    "ClusteringScores",
    "PairScore",
    "Story",
    "StoryClusterer",
    "StoryDoc",
    "article_from_text",
    "cluster_articles",
    "cluster_stories",
    "clustering_scores",
    "find_near_duplicates",
    "pair_features",
    "pearson",
    "same_story_score",
    "story_doc",
    "story_docs",
]
