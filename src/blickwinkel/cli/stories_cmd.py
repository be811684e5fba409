"""``blickwinkel stories`` / ``similarity`` and ``eval stories`` / ``eval similarity``.

Thin commands: read the inputs, call the pure functions of :mod:`blickwinkel.stories`, print.
Every bad input ends in one line naming the file. ``stories`` clusters whatever it could read and
exits 1 when some input failed (2 only when nothing could be read); the commands that need exactly
their inputs (``similarity``, the evaluations) exit 2 on the first bad one.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from blickwinkel.cli.compare_cmd import LangOption
from blickwinkel.cli.ingest_cmd import AllowNetworksOption, FetchLinksOption
from blickwinkel.errors import BlickwinkelError, Errors, EvaluationError, IngestError, unreadable_file

OutputFormat = Literal["text", "json"]

_FORMAT = typer.Option("--format", "-f", help="text (default) or json.")
# A correlation over one pair is undefined and over two always ±1: such rows print "–", not a figure.
MIN_PEARSON_PAIRS = 3
# The embedder of each command comes from the settings: 'stories' and the clustering evaluation take
# 'embedder' (fast, for batches), 'similarity' and its evaluation take 'pair_embedder'.
_EMBEDDER_FAST = typer.Option("--embedder", help="Embedding backend (default: the 'embedder' setting).")
_EMBEDDER_PAIR = typer.Option("--embedder", help="Embedding backend (default: the 'pair_embedder' setting).")
MaxFileMbOption = Annotated[
    float | None,
    typer.Option(help="Refuse inputs larger than this (MB; default: the 'max_file_mb' setting)."),
]


def _embedder(name: str | None, setting: str) -> Any:
    """The embedder named on the command line, else the one of ``setting`` (file < env < default)."""
    from blickwinkel.config import load_settings
    from blickwinkel.embed import get_embedder

    return get_embedder(getattr(load_settings({setting: name}), setting))


@contextmanager
def _progress() -> Iterator[Callable[[str, int, int], None]]:
    """A rich progress bar on standard error when it is a terminal; nothing at all when piped."""
    if not sys.stderr.isatty():
        yield lambda what, done, total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description:<9}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True, markup=False),
        transient=True,
    ) as bar:
        tasks: dict[str, Any] = {}

        def update(what: str, done: int, total: int) -> None:
            if what not in tasks:
                tasks[what] = bar.add_task(what, total=total)
            bar.update(tasks[what], completed=done, total=total)

        yield update


def _fail(exc: BlickwinkelError) -> typer.Exit:
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(2)


def _read_evaluation_file(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(unreadable_file(path, exc, what)) from None


def _read_batch(
    inputs: list[str],
    max_mb: float | None = None,
    *,
    fetch_links: bool = False,
    allow_networks: list[str] | None = None,
) -> tuple[list[Any], list[IngestError]]:
    """The readable articles and one error per input (or record) that failed; inputs larger than
    ``max_mb`` megabytes (default: the 'max_file_mb' setting) are refused. A saved feed's entries
    with only a link are fetched with ``fetch_links`` (as `compare` and `ingest` fetch them)."""
    import functools

    from blickwinkel.cli._messages import warn_reading_notes, warn_skipped_folders
    from blickwinkel.config import load_settings
    from blickwinkel.ingest import read_inputs

    limit = load_settings({"max_file_mb": max_mb}).max_file_mb
    warn_skipped_folders(inputs)
    fetcher = None
    if fetch_links:
        from blickwinkel.cli.ingest_cmd import open_fetcher

        fetcher = open_fetcher(allow_networks)
    try:
        from blickwinkel.ingest.page import fetch_article

        result = read_inputs(
            inputs,
            stdin=sys.stdin.buffer,
            max_bytes=int(limit * 1_000_000),
            fetch=None if fetcher is None else functools.partial(fetch_article, fetcher),
            fetch_links=fetch_links,
        )
    finally:
        if fetcher is not None:
            fetcher.close()
    warn_reading_notes([*result.notes, *(note for a in result.articles for note in a.notes)])
    return list(result.articles), list(result.failures)


def _read_articles(inputs: list[str], max_mb: float | None = None) -> list[Any]:
    articles, failures = _read_batch(inputs, max_mb)
    if failures:
        raise failures[0]
    if not articles:
        raise IngestError(", ".join(inputs), Errors.I034)
    return articles


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add ``stories`` and ``similarity`` to ``app`` and to ``eval_app``."""

    @app.command("stories")
    def stories(
        inputs: Annotated[
            list[str],
            typer.Argument(
                help="Article files, directories, JSONL or saved RSS/Atom files (or - for stdin)."
            ),
        ],
        format: Annotated[OutputFormat, _FORMAT] = "text",
        embedder: Annotated[str | None, _EMBEDDER_FAST] = None,
        window: Annotated[
            int | None,
            typer.Option(
                min=0,
                help="Days before and after an article to look for its story (default: the "
                "'story_window_days' setting).",
            ),
        ] = None,
        processes: Annotated[
            int | None,
            typer.Option(
                help="Processes that embed the articles (default: the 'processes' setting; 0: one per "
                "CPU core). Fewer than 100 articles per process are embedded in this one.",
                min=0,
            ),
        ] = None,
        max_file_mb: MaxFileMbOption = None,
        fetch_links: FetchLinksOption = False,
        allow_networks: AllowNetworksOption = None,
        lang: LangOption = None,
    ) -> None:
        """Group articles into stories (one event each), with outlets, languages and time span."""
        from blickwinkel.config import load_settings
        from blickwinkel.stories.parallel import cluster_as_embedded, default_processes

        try:
            articles, failures = _read_batch(
                inputs, max_file_mb, fetch_links=fetch_links, allow_networks=allow_networks
            )
        except BlickwinkelError as exc:
            raise _fail(exc) from None
        for failure in failures:
            typer.echo(f"error: {failure}", err=True)
        if not articles:
            if failures:
                typer.echo(f"{len(failures)} input(s) could not be read; no articles to group.", err=True)
                raise typer.Exit(2)
            raise _fail(IngestError(", ".join(inputs), Errors.I034))
        try:
            with _progress() as progress:
                settings = load_settings(
                    {"processes": processes, "story_window_days": window, "report_language": lang}
                )
                count = settings.processes or default_processes()
                clusterer, docs = cluster_as_embedded(
                    articles,
                    _embedder(embedder, "embedder"),
                    count,
                    progress,
                    window_days=settings.story_window_days,
                )
                found = clusterer.stories()
        except BlickwinkelError as exc:
            raise _fail(exc) from None
        from blickwinkel.ingest import unread_input

        # the inputs that could not be read are named in the listing too, as compare names them: a
        # saved listing said nothing of the sources it lacks (they went to standard error only)
        unread = [unread_input(f) for f in failures]
        if format == "json":
            listing: dict[str, Any] = {"stories": [s.to_json() for s in found], "articles": len(docs)}
            if unread:
                listing["unread"] = [u.to_json() for u in unread]
            typer.echo(json.dumps(listing, ensure_ascii=False))
        else:
            from blickwinkel.report.story_list import render_story_list

            typer.echo(render_story_list(found, articles, docs, settings.report_language, unread))
        from blickwinkel.cli._messages import warn_unnamed_outlets

        warn_unnamed_outlets([a.source for a in articles if not a.outlet])
        if failures:
            typer.echo(
                f"{len(failures)} input(s) could not be read; grouped the other {len(articles)} article(s).",
                err=True,
            )
            raise typer.Exit(1)

    @app.command("similarity")
    def similarity(
        first: Annotated[str, typer.Argument(help="The first article file.")],
        second: Annotated[str, typer.Argument(help="The second article file.")],
        format: Annotated[OutputFormat, _FORMAT] = "text",
        embedder: Annotated[str | None, _EMBEDDER_PAIR] = None,
        max_file_mb: MaxFileMbOption = None,
    ) -> None:
        """How likely two articles report the same event (SemEval scale 1 = same … 4 = unrelated)."""
        from blickwinkel.stories import same_story_score, story_docs
        from blickwinkel.stories.cluster import pair_join

        try:
            articles = _read_articles([first], max_file_mb) + _read_articles([second], max_file_mb)
            if len(articles) != 2:
                raise IngestError(f"{first}, {second}", Errors.I035.format(count=len(articles)))
            chosen = _embedder(embedder, "pair_embedder")
            a, b = story_docs(articles, chosen)
            score = same_story_score(a, b)
            # The pair score and the story clusterer are two measures (a same-event probability
            # fitted on SemEval pairs; the clusterer's link of shared rare words with its
            # own threshold): the clusterer's decision is printed too, so the two never seem to
            # disagree without saying why.
            joined = pair_join(a, b)
        except BlickwinkelError as exc:
            raise _fail(exc) from None
        if format == "json":
            typer.echo(
                json.dumps(
                    {"a": a.id, "b": b.id, **score.to_json(), "stories": joined.to_json()}, ensure_ascii=False
                )
            )
            return
        r = score.reasons
        verdict = "likely one event" if score.probability >= 0.5 else "likely different events"
        typer.echo(f"{a.id}  ↔  {b.id}")
        typer.echo(f"overall {score.overall:.2f} (1 = same story … 4 = unrelated)")
        typer.echo(f"probability of one event {score.probability:.2f}: {verdict}")
        grouped = "one story" if joined.one_story else "two stories"
        if joined.link is None:
            why = "not a candidate: published too far apart or too unlike"
        else:
            sign = "≥" if joined.link >= joined.join_probability else "<"
            why = f"link {joined.link:.2f} {sign} {joined.join_probability:g}"
            drift, most = joined.drift, joined.max_drift
            kept_apart = not joined.one_story and joined.link >= joined.join_probability
            if kept_apart and drift is not None and most is not None and drift > most:
                why += f", but the story's centroid would move {drift:.2f} > {most:g}"
                if joined.drift_override is not None:
                    why += f" (a link from {joined.drift_override:g} lets it move)"
        typer.echo(f"stories (these two alone, {chosen.name} vectors): {grouped} ({why})")
        # the story features' name keys: each capitalised word, lower-cased and cut to 8 letters
        # ("villeneu"), not whole names; the line said "shared entities"
        typer.echo(f"shared name words (first 8 letters): {', '.join(r['shared_entities']) or '–'}")
        typer.echo(f"shared numbers: {', '.join(r['shared_numbers']) or '–'}")
        typer.echo(f"shared dates: {', '.join(r['shared_dates']) or '–'}")
        if r["date_gap_days"] is not None:
            typer.echo(f"published {r['date_gap_days']} day(s) apart")

    @eval_app.command("similarity")
    def eval_similarity(
        file: Annotated[Path, typer.Argument(help="SemEval-2022 Task 8 pairs as JSON lines.")],
        format: Annotated[OutputFormat, _FORMAT] = "text",
        embedder: Annotated[str | None, _EMBEDDER_PAIR] = None,
        cross_validate: Annotated[
            bool,
            typer.Option(
                "--cross-validate",
                help="Also ours 10-fold cross-validated (fixed folds, pairs that share an article in one "
                "fold: the model refitted on the other folds' pairs) and the plain cosine of the other "
                "embedder (use beside e5).",
            ),
        ] = False,
        days_from_ids: Annotated[
            bool,
            typer.Option(
                "--days-from-ids",
                help="Estimate each article's publication day from the story ids of its pair id (as the "
                "SemEval-2022 files carry them), so the score reads the days apart too.",
            ),
        ] = False,
    ) -> None:
        """Pearson of the same-story score with the negated gold 'overall', in all and per language pair."""
        from blickwinkel.stories.evaluate import (
            evaluate_similarity,
            parse_similarity_pairs,
            with_days_from_ids,
        )

        try:
            text = _read_evaluation_file(file, "a SemEval-2022 Task 8 JSON-lines file")
            pairs = parse_similarity_pairs(text, str(file))
            if days_from_ids:
                pairs = with_days_from_ids(pairs)
            chosen = _embedder(embedder, "pair_embedder")
            other = None
            if cross_validate:
                other = _embedder("use" if chosen.name != "use" else "e5", "pair_embedder")
            with _progress() as progress:
                report = evaluate_similarity(pairs, chosen, progress, other=other)
        except BlickwinkelError as exc:
            raise _fail(exc) from None
        if format == "json":
            typer.echo(json.dumps(report.to_json()))
            return
        columns = [("ours", report.pearson)]
        if report.cross_validated or report.cross_validation_skipped:
            columns.append(("ours CV", report.cross_validated))
        columns.append(("cosine", report.cosine))
        if report.other:
            columns.append((f"{report.other} cos", report.other_cosine))
        typer.echo(f"{'pair':<8}" + "".join(f"{label:>10}" for label, _ in columns) + f"{'pairs':>7}")
        for key in report.pearson:
            n = report.counts.get(key, report.pairs)
            if n < MIN_PEARSON_PAIRS:
                typer.echo(f"{key:<8}" + "".join(f"{'–':>10}" for _ in columns) + f"{n:>7}")
                continue
            cells = "".join(
                f"{values[key]:>10.3f}" if key in values else f"{'–':>10}" for _, values in columns
            )
            typer.echo(f"{key:<8}{cells}{n:>7}")
        typer.echo(
            f"{report.pairs} pairs ('–': fewer than {MIN_PEARSON_PAIRS} pairs, no correlation); "
            "'ours' is the shipped score (fitted on the SemEval-2022 dev pairs, so in-sample on those"
            + (
                "; 'ours CV': each pair scored by the model refitted on the other 9 of 10 fixed folds"
                " (grouped by article)"
                if report.cross_validated
                else f"; no cross-validation: it {report.cross_validation_skipped}"
                if report.cross_validation_skipped
                else ": --cross-validate adds cross-validated figures"
            )
            + "), 'cosine' the plain cosine of the whole texts"
            + (f" ('{report.other} cos': with {report.other})" if report.other else "")
            + (
                f"; {report.dated} pairs with both publication days"
                + (" (estimated from the story ids)" if days_from_ids else "")
                if report.dated
                else ""
            )
        )

    @eval_app.command("stories")
    def eval_stories(
        file: Annotated[
            Path,
            typer.Argument(
                help="Event clusters: a JSON list of {title, articles: [...]}, or a folder with one "
                "sub-folder of article files per event (as examples/train-stories)."
            ),
        ],
        format: Annotated[OutputFormat, _FORMAT] = "text",
        embedder: Annotated[str | None, _EMBEDDER_FAST] = None,
        cross_validate: Annotated[
            bool,
            typer.Option(
                "--cross-validate",
                help="Also choose the join probability on 4 of 5 event folds and "
                "score the fifth (the figure the quality gate pins; minutes: many clusterings).",
            ),
        ] = False,
        choose_link: Annotated[
            bool,
            typer.Option(
                "--choose-link",
                help="Cross-validate (implies --cross-validate) with each fold also choosing the link's "
                "shares of name keys and rare words (the shipped link or an earlier one), not only the "
                "join probability (about five times longer).",
            ),
        ] = False,
    ) -> None:
        """B-cubed and pairwise F1 of the story clustering against gold event clusters."""
        from blickwinkel.ingest import read_event_folders
        from blickwinkel.report.texts import counted
        from blickwinkel.stories.evaluate import (
            LINK_CHOICE_GRID,
            WEIGHT_GRID,
            cross_validate_clustering,
            docs_with_progress,
            evaluate_clustering,
            parse_event_clusters,
        )

        try:
            if file.is_dir():
                try:
                    articles, gold, failures = read_event_folders(str(file))
                except OSError as exc:
                    raise EvaluationError(unreadable_file(file, exc, "a folder of event folders")) from None
                for failure in failures:
                    typer.echo(f"error: {failure}", err=True)
                if not articles:
                    raise EvaluationError(Errors.V031.format(source=file))
            else:
                text = _read_evaluation_file(file, "an event cluster JSON file")
                articles, gold = parse_event_clusters(text, str(file))
            chosen = _embedder(embedder, "embedder")
            with _progress() as progress:
                report = evaluate_clustering(articles, gold, chosen, progress)
                crossed = (
                    cross_validate_clustering(
                        docs_with_progress(articles, chosen),
                        gold,
                        weight_grid=LINK_CHOICE_GRID if choose_link else WEIGHT_GRID,
                        progress=progress,
                    )
                    if cross_validate or choose_link
                    else None
                )
        except BlickwinkelError as exc:
            raise _fail(exc) from None
        result = report.to_json()
        if crossed is not None:
            result["cross_validated"] = crossed.to_json()
        if format == "json":
            typer.echo(json.dumps(result))
            return
        for key in ("bcubed_precision", "bcubed_recall", "bcubed_f1", "pairwise_f1"):
            typer.echo(f"{key:<18}{result[key]:>8.3f}")
        stories = counted(result["stories"], "story", "stories")
        typer.echo(f"{stories} from {counted(result['articles'], 'article')}")
        if crossed is not None:
            typer.echo(
                f"cross-validated (5 event folds): bcubed_f1 {crossed.bcubed_f1:.3f} "
                f"(precision {crossed.bcubed_precision:.3f}, recall {crossed.bcubed_recall:.3f}); "
                "chosen per fold (join probability, key weight, rare-word weight): "
                + "; ".join(
                    f"{c.join_probability}, {c.weights.keys}, {c.weights.lexical}" for c in crossed.chosen
                )
            )
