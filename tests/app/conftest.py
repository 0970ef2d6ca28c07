"""The app tests: Qt objects galore, so each test's garbage is freed here."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.conftest import collect_garbage_on_the_gui_thread

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture(autouse=True)
def _gc_on_the_gui_thread() -> Iterator[None]:
    yield from collect_garbage_on_the_gui_thread()
