"""The simulator shell: command line, headless runner and desktop app."""

from __future__ import annotations

__all__: list[str] = []
