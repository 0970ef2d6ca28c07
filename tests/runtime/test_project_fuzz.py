"""Property: any window or event file loads, or is a ProjectError with file and line."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import write_project
from visionsim.runtime import ProjectError, load_project
from visionsim.runtime.project import CLIENT_EVENTS, GATEWAY_EVENTS
from visionsim.runtime.windows import WINDOWS

NAMES = st.sampled_from(
    [
        "type", "name", "bounds", "props", "components", "events", "size",
        "title", "rootContainer", "text", "value", "selectedRow", "foreground",
        "customProperties", "actionPerformed", "startup", "timers",
        "messageHandlers", "delayMs", "script", "threading", "Button",
        "Label", "Container", "ProgressBar", "Table",
    ]
)  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    NAMES,
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.dictionaries(NAMES, inner, max_size=5)
    ),
    max_leaves=30,
)
DOCUMENTS = st.dictionaries(NAMES, VALUES, max_size=6)


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(window=DOCUMENTS, gateway=DOCUMENTS, client=DOCUMENTS)
def test_generated_files_load_or_fail_with_file_and_line(
    window: dict[str, object], gateway: dict[str, object], client: dict[str, object]
) -> None:
    tmp = Path(tempfile.mkdtemp())
    try:
        root = write_project(tmp, "P")
        folder = root / WINDOWS / "Main"
        folder.mkdir(parents=True)
        files = {
            folder / "window.yaml": window,
            root / GATEWAY_EVENTS: gateway,
            root / CLIENT_EVENTS: client,
        }
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(yaml.safe_dump(data))
        error: ProjectError | None = None
        try:
            load_project(root)
        except ProjectError as exc:
            error = exc
        if error is not None:
            assert error.path in files, error
            assert error.line is not None, error
            assert len(str(error)) < 1000
    finally:
        shutil.rmtree(tmp)
