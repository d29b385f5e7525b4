"""Every test runs as a user with no factlint configuration of their own.

factlint reads the user's own `$XDG_CONFIG_HOME/factlint/config.toml`; a developer's
file must not change what the suite sees, so the whole run (and every process it
starts) gets an empty configuration folder.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session", autouse=True)
def no_user_configuration() -> Iterator[None]:
    with tempfile.TemporaryDirectory(prefix="factlint-config-") as folder:
        before = os.environ.get("XDG_CONFIG_HOME")
        os.environ["XDG_CONFIG_HOME"] = folder
        yield
        if before is None:
            os.environ.pop("XDG_CONFIG_HOME", None)
        else:
            os.environ["XDG_CONFIG_HOME"] = before
