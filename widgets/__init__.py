"""Vision components (Label, Button, Table…) built on the runtime."""

from __future__ import annotations

__all__: list[str] = []
