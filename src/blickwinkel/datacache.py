"""Shipped model data kept in a fast, memory-mappable form in the user's cache directory.

Some packages ship their data compressed (lemma dictionaries as LZMA front-coded streams, the language
identifier's model as xz, the sentence encoder's weights as a zipped npz) and decode it again on
every start, which costs a new process seconds. The first use writes the decoded data under
``platformdirs.user_cache_dir("blickwinkel")``; later processes map it. Everything here is built
from the installed packages, never downloaded. A file is named after what it was built from (package
version, size and time of the source), so an upgraded package gets a new one; a cache that cannot be
written (read-only home, full disk) only costs the speed-up.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import marshal
import mmap
import os
import re
import struct
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

_MAGIC = b"BWMAP001"
_HEADER = struct.Struct("<8sQ")


def cache_dir() -> Path:
    """``user_cache_dir("blickwinkel")`` (``$XDG_CACHE_HOME/blickwinkel`` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("blickwinkel", appauthor=False))


def source_key(*parts: object) -> str:
    """A short name for what a cached file was built from: versions, paths with their size and time."""
    digest = hashlib.sha256()
    for part in parts:
        text = str(part)
        if isinstance(part, Path):
            stat = part.stat()
            text = f"{part}:{stat.st_size}:{stat.st_mtime_ns}"
        digest.update(text.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def cached_file(name: str, write: Callable[[Path], None]) -> Path | None:
    """The path of cache file ``name``, written by ``write(temporary_path)`` when absent.

    ``None`` when the cache directory cannot be written; the caller then uses the data it decoded.
    """
    path = cache_dir() / name
    if path.is_file():
        _mark_used(path)
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temporaries(path)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{name}.")
        os.close(handle)
        try:
            write(Path(temporary))
            os.replace(temporary, path)  # atomic: a concurrent reader sees no half-written file
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
    except OSError:
        return None
    _remove_replaced_builds(path)
    return path


# A cache file is named ``<stem>-<source key><suffix>``; an upgraded package or edited module gets a
# new key, so without pruning every upgrade would leave its files behind (the e5 weights alone are
# 85 MB). When a file is written, the files of the same stem that no process has used for this long
# are removed; a file in use has its time refreshed at most once a day (another installation beside
# this one, of another version, keeps its files as long as it runs). On POSIX a process that still
# maps a removed file keeps reading it.
UNUSED_BUILD_SECONDS = 14 * 86400.0
_USED_REFRESH_SECONDS = 86400.0
_BUILD_NAME = re.compile(r"(?P<stem>.+)-[0-9a-f]{16}(?P<suffix>\.[A-Za-z0-9]+)")


def _mark_used(path: Path) -> None:
    with contextlib.suppress(OSError):
        if time.time() - path.stat().st_mtime > _USED_REFRESH_SECONDS:
            os.utime(path)


def _remove_replaced_builds(path: Path) -> None:
    match = _BUILD_NAME.fullmatch(path.name)
    if match is None:
        return
    now = time.time()
    pattern = f"{glob.escape(match['stem'])}-*{glob.escape(match['suffix'])}"
    for other in path.parent.glob(pattern):
        same = _BUILD_NAME.fullmatch(other.name)
        if other == path or same is None or same["stem"] != match["stem"]:
            continue
        with contextlib.suppress(OSError):
            if now - other.stat().st_mtime > UNUSED_BUILD_SECONDS:
                other.unlink()


# A temporary file of a cache file older than this was left by a process killed while writing it (the
# background child is killed so when analysis ends first; the e5 weights are 85 MB): no writer takes
# that long, so the next writer of that file removes it.
STALE_TEMPORARY_SECONDS = 3600.0


def _remove_stale_temporaries(path: Path) -> None:
    now = time.time()
    for left in path.parent.glob(f".{glob.escape(path.name)}.*"):
        with contextlib.suppress(OSError):
            if now - left.stat().st_mtime > STALE_TEMPORARY_SECONDS:
                left.unlink()


def cached_data(name: str, write: Callable[[Path], None], read: Callable[[Path], T]) -> T | None:
    """``read(path)`` of cache file ``name``, which ``write(temporary_path)`` makes when it is absent.

    A file ``read`` refuses (it raises: damaged, truncated, left by another build) is removed and
    written anew, then read once more, so one damaged file costs one process the rebuild instead of
    every later process the decoding. ``None`` when there is no writable cache or the new file is
    refused too; the caller then decodes the shipped data.
    """
    for attempt in range(2):
        path = cached_file(name, write)
        if path is None:
            return None
        try:
            return read(path)
        except Exception:  # what a damaged file raises depends on the format (marshal: several kinds)
            if attempt == 0:
                with contextlib.suppress(OSError):
                    path.unlink()  # a read-only cache keeps it: read again, refused again, None
    return None


def marshal_name(stem: str, *parts: object) -> str:
    """The name of a marshal cache file: keyed on the Python build as well as on ``parts``, since
    marshal's format is the interpreter's and changes between versions."""
    return f"{stem}-{source_key(sys.version, *parts)}.marshal"


def read_marshal_table(path: Path) -> dict[Any, Any]:
    """A dict kept by :func:`write_marshal_table`; empty when the file is absent or damaged."""
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        table = marshal.loads(path.read_bytes())
        if isinstance(table, dict):
            return table
    return {}


def write_marshal_table(path: Path, table: Mapping[Any, Any]) -> None:
    """Keep ``table`` as ``path`` in the cache directory, replacing what is there (a table that
    could not be read is written anew); a cache that cannot be written is left as it is."""

    def write(temporary: Path) -> None:
        temporary.write_bytes(marshal.dumps(dict(table)))

    with contextlib.suppress(OSError, ValueError):
        path.unlink(missing_ok=True)
        cached_file(path.name, write)


def write_string_map(path: Path, items: Iterable[tuple[bytes, bytes]]) -> None:
    """Write a sorted bytes → bytes table that :class:`MappedStringMap` reads without decoding it."""
    pairs = sorted(items)
    key_offsets = [0]
    value_offsets = [0]
    for key, value in pairs:
        key_offsets.append(key_offsets[-1] + len(key))
        value_offsets.append(value_offsets[-1] + len(value))
    with path.open("wb") as fh:
        fh.write(_HEADER.pack(_MAGIC, len(pairs)))
        fh.write(struct.pack(f"<{len(pairs) + 1}Q", *key_offsets))
        fh.write(struct.pack(f"<{len(pairs) + 1}Q", *value_offsets))
        fh.writelines(key for key, _ in pairs)
        fh.writelines(value for _, value in pairs)


class MappedStringMap(Mapping[str, str]):
    """A read-only str → str mapping over a memory-mapped sorted table: opening it reads nothing,
    a lookup is a binary search over the keys (about 20 comparisons for a million entries)."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as fh:
            self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        magic, count = _HEADER.unpack_from(self._map, 0)
        if magic != _MAGIC:
            raise ValueError(f"{path}: not a blickwinkel string table")
        self._count = int(count)
        table = memoryview(self._map)[_HEADER.size : _HEADER.size + 16 * (count + 1)].cast("Q")
        self._keys_at = table[: count + 1]
        self._values_at = table[count + 1 :]
        self._keys_start = _HEADER.size + 16 * (count + 1)
        self._values_start = self._keys_start + self._keys_at[count]
        if self._values_start + self._values_at[count] != len(self._map):
            raise ValueError(f"{path}: truncated blickwinkel string table")

    def _key(self, index: int) -> bytes:
        start = self._keys_start
        return self._map[start + self._keys_at[index] : start + self._keys_at[index + 1]]

    def _find(self, key: bytes) -> int:
        low, high = 0, self._count
        while low < high:
            middle = (low + high) // 2
            if self._key(middle) < key:
                low = middle + 1
            else:
                high = middle
        return low if low < self._count and self._key(low) == key else -1

    # One signature for Mapping.get's overloads (the default is a value or None), as dict.get answers
    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        index = self._find(key.encode())
        if index < 0:
            return default
        start = self._values_start
        return self._map[start + self._values_at[index] : start + self._values_at[index + 1]].decode()

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key.encode()) >= 0

    def __iter__(self) -> Iterator[str]:
        return (self._key(i).decode() for i in range(self._count))

    def __len__(self) -> int:
        return self._count


class RegexCodes:
    """A stand-in for the ``regex`` module whose ``compile`` and ``search`` skip pattern parsing.

    ``regex`` parses a pattern in Python before its C core builds the matcher; for SoMaJo's long
    word-list alternations that is about 0.15 s per tokenizer and process. The first process records,
    for each pattern, the compiled code ``regex`` hands its C core; the table is kept under ``name``
    in the cache directory (named after the Python and ``regex`` versions) and later processes give
    the code straight to the C core, which builds the same matcher. A pattern not in the table, or a table
    that cannot be read, is compiled the ordinary way. Use it around one construction (see
    :meth:`save`), not as a module-wide replacement: it reads private parts of ``regex``.
    """

    def __init__(self, name: str) -> None:
        import importlib

        regex: Any = importlib.import_module("regex")  # (no type stubs installed)
        self._regex = regex
        # (2: tables written once, the first format grew by the per-process patterns; 3: SoMaJo's
        # emoticon patterns in a fixed order, so the tables written before miss them)
        # (keyed on the Python build too: marshal and the C core are those of this interpreter)
        self._path = cache_dir() / marshal_name(name, regex.__version__, name, 3)
        self._table: dict[tuple[str, int], tuple[Any, ...]] = read_marshal_table(self._path)
        self._recorded: dict[tuple[str, int], tuple[Any, ...]] = {}
        self._compiled: dict[tuple[str, int], Any] = {}

    def compile(self, pattern: Any, flags: int = 0, **kwargs: Any) -> Any:
        if kwargs or not isinstance(pattern, str):
            return self._regex.compile(pattern, flags, **kwargs)
        key = (pattern, int(flags))
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = self._from_table(key) or self._record(key)
        return compiled

    def search(self, pattern: Any, string: str, flags: int = 0, **kwargs: Any) -> Any:
        if kwargs:
            return self._regex.search(pattern, string, flags, **kwargs)
        compiled = self._compiled.get((pattern, flags))  # (SoMaJo searches once per list entry)
        return (compiled or self.compile(pattern, flags)).search(string)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._regex, name)
        setattr(self, name, value)  # asked once: ``escape`` is called for every list entry
        return value

    def _from_table(self, key: tuple[str, int]) -> Any:
        arguments = self._table.get(key)
        if arguments is None:
            return None
        try:
            return self._regex._main._regex.compile(*arguments)
        except Exception:  # a table from another build of regex: compile the ordinary way
            return None

    def _record(self, key: tuple[str, int]) -> Any:
        main = self._regex._main
        core = main._regex
        seen: list[tuple[Any, ...]] = []

        class Recorder:
            def compile(self, *arguments: Any) -> Any:
                seen.append(arguments)
                return core.compile(*arguments)

            def __getattr__(self, name: str) -> Any:
                return getattr(core, name)

        try:
            main._regex = Recorder()
            compiled = main._compile(key[0], key[1], False, {}, False)
        except Exception:
            return self._regex.compile(*key)
        finally:
            main._regex = core
        if len(seen) == 1:
            # marshal keeps plain ints only (the flags come as RegexFlag)
            self._recorded[key] = tuple(int(a) if isinstance(a, int) else a for a in seen[0])
        return compiled

    def save(self) -> None:
        """Keep the code of the patterns compiled so far, once: where a table was read it is not
        rewritten, so a pattern whose text changes from process to process (built from a set) is
        compiled the ordinary way each time instead of growing the table."""
        if self._recorded and not self._table:
            write_marshal_table(self._path, self._recorded)


_patterns_lock = threading.Lock()
_patterns_open = [False]  # one block at a time patches ``re``; a block opened meanwhile compiles as usual


def _plain_ints(value: Any) -> Any:
    """Ints (and lists of them) as plain ``int``: marshal keeps no subclass (``re`` writes its opcodes
    as named int constants, its flags as ``RegexFlag``)."""
    if isinstance(value, list):
        return [int(v) if isinstance(v, int) else v for v in value]
    return int(value) if isinstance(value, int) else value


_package_key: list[str] = []


def package_source_key() -> str:
    """A short name for the installed blickwinkel modules (each file's path, size and modification
    time; about a millisecond for a process's first call): it changes when a module is edited or the
    package upgraded, which is when patterns compiled at import may have changed."""
    if not _package_key:
        package = Path(__file__).resolve().parent
        digest = hashlib.sha256()
        for folder, folders, files in os.walk(package):
            folders[:] = sorted(f for f in folders if f != "__pycache__")
            for file in sorted(files):
                if file.endswith(".py"):
                    with contextlib.suppress(OSError):
                        stat = os.stat(os.path.join(folder, file))
                        digest.update(f"{folder}/{file}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
        _package_key.append(digest.hexdigest()[:16])
    return _package_key[0]


@contextlib.contextmanager
def compiled_patterns(name: str) -> Iterator[None]:
    """While open, ``re`` builds each new pattern from compiled code kept in the cache directory.

    ``re`` parses and compiles a pattern in Python before its C core (``_sre``) builds the matcher;
    the long alternations of word lists our analysers compile at import take a new process tens of
    milliseconds. The first process records, per pattern and flags, the arguments ``re`` hands
    ``_sre.compile``; the table is kept under ``name`` (named after the Python version and the
    package's modules: :func:`package_source_key`) and later
    processes hand them over directly, which builds the same matcher. A pattern not in the table, or
    a table that cannot be read, is compiled the ordinary way. Like :class:`RegexCodes` the table is
    written once, by the first process, and holds only what was compiled inside this block; it
    reads private parts of ``re``.
    """
    import re

    compiler: Any = getattr(re, "_compiler", None)
    core: Any = getattr(compiler, "_sre", None)
    if compiler is None or core is None:
        yield
        return
    # (keyed on blickwinkel's own modules too: a table written before a pattern was added or changed
    # would otherwise be read by every later process, which then parses the new patterns every time)
    path = cache_dir() / marshal_name(name, name, 1, package_source_key())
    table: dict[tuple[Any, int], tuple[Any, ...]] = read_marshal_table(path)
    recorded: dict[tuple[Any, int], tuple[Any, ...]] = {}
    shipped = compiler.compile
    seen: list[tuple[Any, ...]] = []

    class Recorder:
        def compile(self, *arguments: Any) -> Any:
            seen.append(arguments)
            return core.compile(*arguments)

        def __getattr__(self, attribute: str) -> Any:
            return getattr(core, attribute)

    def compile_pattern(pattern: Any, flags: Any = 0) -> Any:
        if not isinstance(pattern, str | bytes):
            return shipped(pattern, flags)
        key = (pattern, int(flags))
        arguments = table.get(key)
        if arguments is not None:
            with contextlib.suppress(Exception):  # a table from another build: compile as usual
                return core.compile(*arguments)
        with _patterns_lock:
            seen.clear()
            compiler._sre = Recorder()
            try:
                compiled = shipped(pattern, flags)
            finally:
                compiler._sre = core
            if len(seen) == 1:
                recorded[key] = tuple(_plain_ints(a) for a in seen[0])
        return compiled

    with _patterns_lock:
        patching = not _patterns_open[0]
        if patching:
            _patterns_open[0] = True
            compiler.compile = compile_pattern
    try:
        yield
    finally:
        if patching:
            with _patterns_lock:
                compiler.compile = shipped
                _patterns_open[0] = False
    if recorded and not table:
        write_marshal_table(path, recorded)  # also over a table that could not be read
