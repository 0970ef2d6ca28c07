"""Ignition's Generic Simulator device: OPC item paths whose values move by themselves.

An OPC tag whose item path names one of the simulator's families
(``Sine/Sine0``, ``Ramp/Ramp3``, ``Random/RandomInteger1``,
``Realistic/Realistic0``, ``ReadOnly/ReadOnlyInteger1``,
``Writeable/WriteableFloat1``; with or without ``ns=1;s=[Device]`` or the
Programmable Simulator's ``_Meta:`` prefix) gets a :class:`SimulatedSignal`;
the tag engine asks it for a new value on each tick. Other OPC tags behave as
memory tags. Shapes follow the old Generic Simulator's families
(reference/ignition-tags-db.md section 7.6); amplitudes and periods are
visionsim's own (the manual does not give them).
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass

__all__ = ["READ_ONLY_VALUES", "SimulatedSignal", "signal_for"]

_FAMILIES = ("sine", "ramp", "random", "realistic", "readonly", "writeable")
_ITEM = re.compile(r"^(?:ns=\d+;s=)?(?:\[[^\]]*\])?(?:_Meta:)?(?P<path>.*)$", re.I)
_NUMBER = re.compile(r"(\d+)$")

#: The ReadOnly family's fixed values, by item name (lower case).
READ_ONLY_VALUES: dict[str, object] = {
    "readonlyboolean1": False,
    "readonlyboolean2": True,
    "readonlyshort1": 1,
    "readonlyshort2": 2,
    **{f"readonlyinteger{n}": n for n in range(1, 6)},
    "readonlylong1": 1,
    "readonlylong2": 2,
    "readonlyfloat1": 1.1,
    "readonlyfloat2": 1.2,
    "readonlydouble1": 1.1,
    "readonlydouble2": 1.2,
    "readonlystring1": "ABCDEFG",
    "readonlystring2": "ZYXWVUT",
}


@dataclass(slots=True)
class SimulatedSignal:
    """One simulated item: its family, index and the state a walk needs.

    ``changes`` is False for the static families (ReadOnly, Writeable).
    """

    family: str
    item: str
    index: int
    state: float = 0.0
    rng: random.Random | None = None

    @property
    def changes(self) -> bool:
        """Whether the value moves on its own."""
        return self.family in ("sine", "ramp", "random", "realistic")

    @property
    def is_read_only(self) -> bool:
        """Writes are refused (the ReadOnly family)."""
        return self.family == "readonly"

    def initial(self) -> object | None:
        """The starting value (ReadOnly's fixed one), or None to keep the tag's."""
        if self.family == "readonly":
            return READ_ONLY_VALUES.get(self.item.lower(), 0)
        return None

    def value_at(self, seconds: float) -> float | int:
        """The value at ``seconds`` of simulated time."""
        period = 10.0 * (self.index + 1)  # Sine0: 10 s, Sine1: 20 s…
        if self.family == "sine":
            return 100.0 * math.sin(2 * math.pi * seconds / period)
        if self.family == "ramp":
            return 100.0 * ((seconds % period) / period)
        rng = self.rng or random.Random(hash(self.item))
        self.rng = rng
        if self.family == "random":
            if "integer" in self.item.lower() or "short" in self.item.lower():
                return rng.randint(0, 100)
            if "boolean" in self.item.lower():
                return rng.random() < 0.5
            return rng.uniform(0.0, 100.0)
        # realistic: a bounded random walk
        self.state = min(100.0, max(0.0, self.state + rng.uniform(-2.5, 2.5)))
        return round(self.state, 3)


def signal_for(item_path: object) -> SimulatedSignal | None:
    """The simulated signal for an OPC item path, or None if not a simulator's."""
    if not isinstance(item_path, str):
        return None
    match = _ITEM.match(item_path.strip())
    path = match.group("path") if match else item_path
    parts = [p for p in re.split(r"[/\\]", path) if p]
    if not parts:
        return None
    item = parts[-1]
    candidates = [p.lower() for p in parts]
    family = next(
        (
            f
            for f in _FAMILIES
            for p in candidates
            if p == f or (p.startswith(f) and p is candidates[-1])
        ),
        None,
    )
    if family is None:
        return None
    found = _NUMBER.search(item)
    index = int(found.group(1)) if found else 0
    return SimulatedSignal(family, item, index, state=50.0)
