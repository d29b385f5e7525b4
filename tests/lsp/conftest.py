"""End-to-end fixtures: the real `factlint serve` process driven by pytest-lsp.

Every end-to-end test runs twice, with the capabilities of VS Code 1.65 (push
diagnostics, UTF-16) and of Neovim 0.11 (pull diagnostics, UTF-8). A test sets
factlint settings (sent as `initializationOptions`) with `@pytest.mark.settings(...)`.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsp_editor import Editor, RecordingClient, capabilities
from lsprotocol import types
from pytest_lsp import ClientServerConfig

CLIENTS = ["visual_studio_code", "neovim"]


ENCODING = pytest.StashKey[str]()
REGISTRATIONS = pytest.StashKey[list[types.Registration]]()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "settings(**table): factlint settings sent as initializationOptions")


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One fact-base cache for the whole run, so only the first server builds from scratch."""
    return tmp_path_factory.mktemp("factlint-cache")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "workspace"
    root.mkdir()
    return root


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "factlint", "serve"], client_factory=RecordingClient
    ),
    params=CLIENTS,
)
async def client(
    lsp_client: RecordingClient, request: pytest.FixtureRequest, workspace: Path, cache_dir: Path
) -> AsyncIterator[None]:
    """A started `factlint serve`, initialised with the settings of the test's marker."""
    registrations: list[types.Registration] = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        registrations.extend(params.registrations)

    @lsp_client.feature(types.CLIENT_UNREGISTER_CAPABILITY)
    def unregister(params: types.UnregistrationParams) -> None:
        gone = {u.id for u in params.unregisterations}
        registrations[:] = [r for r in registrations if r.id not in gone]

    @lsp_client.feature("factlint/status")
    def status(params: Any) -> None:
        """The fact-base status that editor extensions show; not checked here."""

    request.node.stash[REGISTRATIONS] = registrations
    marker = request.node.get_closest_marker("settings")
    settings: dict[str, Any] = {"cache-dir": str(cache_dir), **(marker.kwargs if marker else {})}
    root = workspace.resolve().as_uri()
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities(request.param),
            root_uri=root,
            workspace_folders=[types.WorkspaceFolder(uri=root, name="workspace")],
            initialization_options={"factlint": settings},
        )
    )
    request.node.stash[ENCODING] = str(result.capabilities.position_encoding or "utf-16")
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def editor(client: RecordingClient, workspace: Path, request: pytest.FixtureRequest) -> Editor:
    editor = Editor(client, workspace, request.node.stash[ENCODING])
    editor.registrations = request.node.stash[REGISTRATIONS]
    return editor
