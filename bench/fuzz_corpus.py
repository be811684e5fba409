"""A seeded generator of hostile input files for the reliability suite and ``bench/fuzz.py``.

Random bytes, truncated and deeply nested markup, JSON with wrong types and deep nesting, odd
encodings, file names full of markup characters, huge lines and NUL bytes. The same seed gives the
same files. It shares no code with blickwinkel: it only writes files.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

WORDS = (
    "Rat Stadt Brücke Montag gesperrt Feuerwehr sagte Millionen Euro Bürgermeisterin Ferry harbour "
    "council Monday closed said people were evacuated the and der die das am im 12 3,5 2024 März"
).split()
NAME_PARTS = [
    "[/]",
    "[bold]",
    "[red]x[/red]",
    "%s",
    "{}",
    "ü",
    "𝔘",
    " ",
    "'",
    '"',
    "&",
    "$(x)",
    "\u202e",
    "…",
]
SUFFIXES = [".txt", ".md", ".html", ".htm", ".json", ".jsonl", "", ".TXT", ".xml", ".bin"]


@dataclass(frozen=True)
class FuzzCase:
    """One generated input: its file name, its bytes and what made it."""

    name: str
    data: bytes
    kind: str


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _article(rng: random.Random) -> str:
    return f"{_words(rng, 6).capitalize()}\n\n{_words(rng, 40)}.\n\n{_words(rng, 30)}."


def _random_bytes(rng: random.Random) -> bytes:
    return rng.randbytes(rng.randint(0, 3000))


def _truncated_html(rng: random.Random) -> bytes:
    page = (
        f"<!DOCTYPE html><html><head><title>{_words(rng, 5)}</title>"
        f'<meta property="article:published_time" content="2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}">'
        f"</head><body><article><h1>{_words(rng, 6)}</h1><p>{_words(rng, 60)}</p>"
        f"<p>{_words(rng, 40)}</p><script>var x = '<p>';</script></article></body></html>"
    ).encode()
    return page[: rng.randint(0, len(page))]


def _nested_markup(rng: random.Random, deep: bool = True) -> bytes:
    depth = rng.choice([100, 1000, 5000, 20000] if deep else [100, 1000, 3000])
    tag = rng.choice(["div", "p", "span", "b", "table", "article"])
    return (f"<html><body>{'<' + tag + '>' * 1}" * depth + _words(rng, 30) + f"</{tag}>" * depth).encode()


def _nested_json(rng: random.Random, deep: bool = True) -> bytes:
    depth = rng.choice([50, 500, 5000, 100000] if deep else [50, 500, 5000])
    return (rng.choice(["[", '{"a":']) * depth).encode()


def _value(rng: random.Random, depth: int = 0) -> object:
    choice = rng.randint(0, 9)
    if choice == 0:
        return None
    if choice == 1:
        return rng.choice([True, False])
    if choice == 2:
        return rng.randint(-(10**30), 10**30)
    if choice == 3:
        return rng.choice([1e308, -0.0, 3.5])
    if choice == 4 and depth < 3:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    if choice == 5 and depth < 3:
        return {rng.choice(["title", "text", "x"]): _value(rng, depth + 1)}
    if choice == 6:
        return rng.choice(NAME_PARTS) * rng.randint(1, 5)
    if choice == 7:
        return "9" * rng.choice([30, 5000])
    return _words(rng, rng.randint(0, 50))


def _wrong_json(rng: random.Random) -> bytes:
    record = {
        key: _value(rng)
        for key in ("title", "text", "published", "outlet", "url", "author", "id", "language")
        if rng.random() < 0.8
    }
    if rng.random() < 0.3:
        record["text"] = _words(rng, 40)
    text = json.dumps(
        record if rng.random() < 0.7 else [record, _value(rng)], ensure_ascii=rng.random() < 0.5
    )
    text = text.replace("1e+308", rng.choice(["1e999", "NaN", "Infinity", "1e+308"]))
    return text.encode()


def _jsonl(rng: random.Random) -> bytes:
    lines = []
    for _ in range(rng.randint(1, 6)):
        if rng.random() < 0.5:
            lines.append(json.dumps({"title": _words(rng, 4), "text": _words(rng, 30)}))
        else:
            lines.append(_wrong_json(rng).decode("utf-8", "replace")[: rng.randint(0, 200)])
    return "\n".join(lines).encode()


def _odd_encoding(rng: random.Random) -> bytes:
    text = _article(rng)
    encoding = rng.choice(["utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252", "utf-8-sig", "shift_jis"])
    data = text.encode(encoding, errors="replace")
    if rng.random() < 0.5:
        cut = rng.randint(0, len(data))
        data = data[:cut] + rng.randbytes(rng.randint(1, 8)) + data[cut:]
    return data


def _huge_line(rng: random.Random) -> bytes:
    size = rng.choice([20_000, 200_000, 1_000_000])
    unit = rng.choice(["a", "a.", "wort ", "https://x.example/", "[/]", "\u00ad", "12,5 ", '"'])
    return (unit * (size // len(unit) + 1))[:size].encode()


def _control_characters(rng: random.Random) -> bytes:
    text = _article(rng)
    chars = ["\x00", "\x1b[31m", "\r", "\x0b", "\x0c", "\u2028", "\ufeff", "\ud800"]
    out = "".join(ch + (rng.choice(chars) if rng.random() < 0.05 else "") for ch in text)
    return out.encode("utf-8", errors="surrogatepass")


def _markdown(rng: random.Random) -> bytes:
    parts = ["# ", "> " * rng.randint(1, 500), "**", "[x](", "```", "|a|b|\n|-|-|\n", "![](javascript:x)"]
    return ("".join(rng.choice(parts) + _words(rng, 5) + "\n" for _ in range(rng.randint(1, 40)))).encode()


def _empty(rng: random.Random) -> bytes:
    return rng.choice([b"", b" ", b"\n\n\n", b"\xef\xbb\xbf", b"\t \r\n"])


def _good(rng: random.Random) -> bytes:
    return _article(rng).encode()


KINDS: dict[str, Callable[[random.Random], bytes]] = {
    "random bytes": _random_bytes,
    "truncated html": _truncated_html,
    "nested markup": _nested_markup,
    "nested json": _nested_json,
    "wrong json types": _wrong_json,
    "jsonl": _jsonl,
    "odd encoding": _odd_encoding,
    "huge line": _huge_line,
    "control characters": _control_characters,
    "markdown": _markdown,
    "empty": _empty,
    "plain article": _good,
}


def _name(rng: random.Random, n: int, kind: str) -> str:
    suffix = {"nested json": ".json", "wrong json types": ".json", "jsonl": ".jsonl"}.get(kind)
    if suffix is None or rng.random() < 0.3:
        suffix = rng.choice(SUFFIXES)
    stem = "".join(rng.choice(NAME_PARTS) for _ in range(rng.randint(0, 3)))
    if rng.random() < 0.05:
        stem += "n" * 150  # a long name, still under the 255-byte limit
    # Written into a folder whose name ends in "[", a leading "]" puts "[/]" into the file's path.
    lead = "]" if rng.random() < 0.3 else ""
    return f"{lead}f{n:05d}{stem}{suffix}".replace("/", "")


def generate(seed: int, count: int, *, huge: bool = True) -> Iterator[FuzzCase]:
    """``count`` cases from ``seed``; ``huge=False`` leaves out the megabyte-sized lines and the
    deepest nesting (for the test suite; ``bench/fuzz.py`` runs them)."""
    rng = random.Random(seed)
    kinds = [k for k in KINDS if huge or k != "huge line"]
    for n in range(count):
        kind = rng.choice(kinds)
        if kind in ("nested markup", "nested json"):
            data = (_nested_markup if kind == "nested markup" else _nested_json)(rng, huge)
        else:
            data = KINDS[kind](rng)
        yield FuzzCase(_name(rng, n, kind), data, kind)


def write(cases: Iterator[FuzzCase] | list[FuzzCase], folder: Path) -> list[Path]:
    """The cases as files in ``folder`` (best named ``…[``, see :func:`_name`)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for case in cases:
        path = folder / case.name
        path.write_bytes(case.data)
        paths.append(path)
    return paths
