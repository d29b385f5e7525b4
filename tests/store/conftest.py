"""A throwaway PostgreSQL cluster for the shared-store tests, started and stopped by the tests.

Debian's `postgresql` package provides initdb and pg_ctl (`scripts/test` installs it);
the cluster lives in a temporary folder, listens only on a Unix socket there, and
trusts local connections, so no password exists anywhere. Each test gets a database
of its own. As root (CI), the server runs as the `postgres` user, as it must.
Without the binaries the tests are skipped, unless FACTLINT_REQUIRE_POSTGRES=1 (set by
`scripts/test`), where a missing server is a failure.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_databases = itertools.count()


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[str]:
    """The socket folder of a running throwaway cluster."""
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if initdb is None or pg_ctl is None:
        if os.environ.get("FACTLINT_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install postgresql")
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) not found")
    root = Path(tempfile.mkdtemp(prefix="factlint-pg-"))
    data, socket = root / "data", root / "socket"
    socket.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(socket, "postgres")
    subprocess.run(
        _as_server_user(
            [initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]
        ),
        check=True,
        capture_output=True,
    )
    options = f"-c listen_addresses='' -k {socket} -c fsync=off -c max_connections=40"
    subprocess.run(
        _as_server_user([pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"]),
        check=True,
        capture_output=True,
    )
    try:
        yield str(socket)
    finally:
        subprocess.run(_as_server_user([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]), check=False)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_cluster: str) -> str:
    """A new, empty database in the throwaway cluster."""
    import psycopg

    name = f"factlint_{os.getpid()}_{next(_databases)}"
    with psycopg.connect(f"host={pg_cluster} user=postgres dbname=postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return f"postgresql://postgres@/{name}?host={pg_cluster}"


ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the benchmark's article generator writes the test corpora
    sys.path.insert(0, str(ROOT))


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a new, empty store is: a SQLite file, or a database of the throwaway cluster."""
    if request.param == "sqlite":
        return str(tmp_path / "facts.sqlite")
    url: str = request.getfixturevalue("pg_url")
    return url
