"""Guard against PySide6 builds whose Signal.emit() leaks references to True."""

from __future__ import annotations

import os
import sys

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, Signal

TOTAL_EMITS = 10_000
BATCH = 100  # an affected build dies after ~570 emits: check well before that
TOLERANCE = 50  # the bug drifts by exactly one per emit


class Emitter(QObject):
    """One signal with an object argument and one without arguments."""

    changed = Signal(object)
    pinged = Signal()


def main() -> int:
    """Emit signals in batches and fail as soon as True's refcount drifts."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QCoreApplication.instance() or QCoreApplication(sys.argv)
    emitter = Emitter()
    received: list[int] = [0]

    def on_changed(value: object) -> None:
        received[0] += 1

    emitter.changed.connect(on_changed)
    # `pinged` stays unconnected so both emit paths (with and without a slot) run.
    print(f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]}")
    if sys.version_info >= (3, 12):
        print("note: True is immortal on Python >= 3.12; this check cannot see the bug")
    before = sys.getrefcount(True)
    after, emitted = before, 0
    while emitted < TOTAL_EMITS:
        for i in range(BATCH // 2):
            emitter.changed.emit(i)
            emitter.pinged.emit()
        emitted += BATCH
        after = sys.getrefcount(True)
        if abs(after - before) > TOLERANCE:
            print(f"refcount of True: before {before}, after {emitted} emits {after}")
            print(
                f"FAIL: PySide6 {PySide6.__version__} changes the refcount of True on"
                " Signal.emit() (the 6.12.0 bug on CPython < 3.12, docs/DESIGN.md"
                " section 3); the interpreter would crash after ~570 emits. Keep"
                " PySide6-Essentials<6.12 for Python < 3.12 in pyproject.toml."
            )
            sys.stdout.flush()
            os._exit(1)  # normal shutdown would abort deallocating True (exit 134)
    print(f"refcount of True: before {before}, after {emitted} emits {after}")
    if received[0] != TOTAL_EMITS // 2:
        print(f"FAIL: slot ran {received[0]} times, expected {TOTAL_EMITS // 2}")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
