"""Labelled subjectivity sentences: the TSV reader, the metrics, fitting a model and where it lives.

The TSV has a header row naming at least ``sentence`` and ``label`` (``OBJ``/``SUBJ``), as in the
CheckThat subjectivity task; fields may be CSV-quoted. :func:`fit_model` fits a logistic regression
over the cue counts of :mod:`blickwinkel.analyse.subjectivity` (and, with an embedder, the
prototype margin): the shipped models are fitted this way on sentences we wrote ourselves, and
``blickwinkel train subjectivity`` fits a user's own model into :func:`user_model_path`, never into
the package.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from blickwinkel.analyse.subjectivity import (
    SubjectivityModel,
    feature_rows,
    is_subjective,
    subjectivity_scores,
)
from blickwinkel.errors import BlickwinkelError, Errors, EvaluationError, unreadable_file
from blickwinkel.scores import precision_recall_f1

if TYPE_CHECKING:
    from blickwinkel.embed import Embedder

LABELS = ("OBJ", "SUBJ")
_LANGUAGE_IN_NAME = re.compile(r"(?:^|[-_.])(de|en)(?=[-_.]|$)", re.IGNORECASE)
# Inverse regularisation strength of the fit: fairly strong, because a training file of a few
# hundred sentences would otherwise give a rare cue family a weight it has not earned. Chosen
# by reasoning, not on any evaluation data.
REGULARISATION_C = 0.5
# Weights are stored rounded; more digits suggest a precision a small fit does not have.
_DIGITS = 3


def parse_labelled_sentences(text: str, where: str) -> list[tuple[str, str]]:
    """(sentence, label) pairs from the text of a subjectivity TSV; errors name ``where`` and the line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t")
    pairs: list[tuple[str, str]] = []
    try:
        header = next(reader, None)
        if header is None:
            raise EvaluationError(Errors.V041.format(where=where))
        names = [h.strip().lower() for h in header]
        if "sentence" not in names or "label" not in names:
            raise EvaluationError(Errors.V042.format(where=where, header=header))
        s_col, l_col = names.index("sentence"), names.index("label")
        for row in reader:
            line = reader.line_num
            if not row or all(not f.strip() for f in row):
                continue
            if len(row) <= max(s_col, l_col):
                need = max(s_col, l_col) + 1
                raise EvaluationError(Errors.V043.format(where=where, line=line, need=need, found=len(row)))
            label = row[l_col].strip().upper()
            if label not in LABELS:
                raise EvaluationError(Errors.V044.format(where=where, line=line, label=row[l_col]))
            pairs.append((row[s_col], label))
    except csv.Error as exc:
        raise EvaluationError(Errors.V045.format(where=where, line=reader.line_num, problem=exc)) from exc
    if not pairs:
        raise EvaluationError(Errors.V046.format(where=where))
    return pairs


def read_labelled_sentences(path: Path) -> list[tuple[str, str]]:
    """(sentence, label) pairs from a subjectivity TSV; raises EvaluationError naming file and line."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        expected = "a tab-separated file of sentences and OBJ/SUBJ labels"
        raise EvaluationError(unreadable_file(path, exc, expected)) from exc
    return parse_labelled_sentences(text, str(path))


def language_from_name(path: Path) -> str:
    """``de`` or ``en`` from a file name like ``checkthat2025-de-dev.tsv``."""
    match = _LANGUAGE_IN_NAME.search(path.stem)
    if match is None:
        raise EvaluationError(Errors.V047.format(path=path))
    return match.group(1).lower()


def choose_language(option: str | None, path: Path) -> str:
    """The language given with ``--language`` (``de`` or ``en``, any case), else the file name's.

    Another language is refused: the cue models exist for German and English only, and a model
    asked for French scored German sentences without a word of warning.
    """
    if option is None:
        return language_from_name(path)
    language = option.strip().lower()
    if language not in ("de", "en"):
        # (the one message of an option given a value outside its choices)
        raise EvaluationError(Errors.C003.format(option="--language", value=option, choices="'de', 'en'"))
    return language


def classification_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Accuracy, macro-F1, per-label precision/recall/F1 over OBJ and SUBJ, and ``plain_marked``, the
    share of OBJ sentences predicted SUBJ."""
    if len(gold) != len(predicted) or not gold:
        raise EvaluationError(
            f"classification_scores needs one prediction per gold label, and at least one; "
            f"got {len(gold)} gold labels and {len(predicted)} predictions."
        )
    per_label: dict[str, dict[str, float | int]] = {}
    for label in LABELS:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p != label)
        precision, recall, f1 = precision_recall_f1(tp, tp + fp, tp + fn)
        per_label[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": tp + fn,
        }
    accuracy = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p) / len(gold)
    macro = sum(float(per_label[label]["f1"]) for label in LABELS) / len(LABELS)
    plain = [p for g, p in zip(gold, predicted, strict=True) if g == "OBJ"]
    return {
        "macro_f1": round(macro, 4),
        "accuracy": round(accuracy, 4),
        "per_label": per_label,
        "sentences": len(gold),
        # what a reader of plain reporting sees: the share of plain (OBJ) sentences marked opinion
        "plain_marked": round(sum(1 for p in plain if p == "SUBJ") / len(plain), 4) if plain else 0.0,
    }


def evaluate_subjectivity(
    pairs: Sequence[tuple[str, str]],
    language: str,
    model: SubjectivityModel | None = None,
    embedder: Embedder | None = None,
) -> dict[str, Any]:
    """Score every (sentence, label) pair with ``model`` (default: the shipped one) and compare."""
    texts = [s for s, _ in pairs]
    scores = subjectivity_scores(texts, language, model=model, embedder=embedder)
    predicted = ["SUBJ" if is_subjective(s) else "OBJ" for s in scores]
    return classification_scores([label for _, label in pairs], predicted)


def fit_model(
    pairs: Sequence[tuple[str, str]],
    language: str,
    *,
    embedder: Embedder | None = None,
    embedder_name: str | None = None,
    source: str = "",
) -> SubjectivityModel:
    """A logistic regression (balanced classes, L2, C = :data:`REGULARISATION_C`) over the cue
    counts of each sentence, plus the prototype margin when an ``embedder`` (named
    ``embedder_name``) is given."""
    from sklearn.linear_model import LogisticRegression

    labels = {label for _, label in pairs}
    if labels != set(LABELS):
        raise EvaluationError(
            f"{source or 'training data'}: fitting needs sentences of both labels, OBJ and SUBJ; "
            f"found only {', '.join(sorted(labels)) or 'none'}."
        )
    if embedder is not None and not embedder_name:
        raise BlickwinkelError("fit_model: name the embedder (embedder_name) so the model can be used again.")
    texts = [s for s, _ in pairs]
    rows = feature_rows(texts, language, embedder=embedder)
    skeleton = SubjectivityModel(language, 0.0, {}, embedder=embedder_name if embedder else None)
    names = skeleton.features
    matrix = [[row[name] for name in names] for row in rows]
    target = [1 if label == "SUBJ" else 0 for _, label in pairs]
    fitted = LogisticRegression(C=REGULARISATION_C, class_weight="balanced", max_iter=2000)
    fitted.fit(matrix, target)
    return SubjectivityModel(
        language=skeleton.language,
        intercept=round(float(fitted.intercept_[0]), _DIGITS),
        weights={name: round(float(w), _DIGITS) for name, w in zip(names, fitted.coef_[0], strict=True)},
        embedder=skeleton.embedder,
        source=source,
        sentences=len(pairs),
    )


def user_model_path(language: str) -> Path:
    """Where ``blickwinkel train subjectivity`` keeps a user's model: the user data directory."""
    lang = "de" if language.lower().startswith("de") else "en"
    return Path(platformdirs.user_data_dir("blickwinkel")) / "models" / f"subjectivity-{lang}.json"


def save_model(model: SubjectivityModel, path: Path) -> None:
    """Write ``model`` as JSON to ``path``, creating its directory."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(model.to_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(Errors.V048.format(path=path, problem=exc.strerror)) from exc


def load_model(path: Path) -> SubjectivityModel:
    """A model saved by :func:`save_model`; errors name the file and the way out."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise EvaluationError(Errors.V049.format(path=path)) from exc
    except (OSError, ValueError) as exc:
        raise EvaluationError(Errors.V050.format(path=path, problem=exc)) from exc
    try:
        return SubjectivityModel.from_json(data, str(path))
    except BlickwinkelError as exc:
        raise EvaluationError(str(exc)) from exc
