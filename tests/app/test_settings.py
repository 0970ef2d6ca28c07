"""Settings: QSettings round trip, applying to a simulation, the dialog."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QSpinBox

from visionsim.app.menu_dialogs import SettingsDialog
from visionsim.app.settings import LinkSettings, Settings
from visionsim.runtime import Penalty, StallThresholds

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import Project, Simulation

CUSTOM = Settings(
    guard_penalty=frozenset({"raise", "callback"}),
    stall_long_ms=80.0,
    stall_warn_ms=700.0,
    stall_not_responding_ms=9000.0,
    request_timeout_s=12.5,
    links={
        "Plant2": LinkSettings(latency_ms=250.0, faulted=True, connect_timeout_s=3.0),
        "Plant 3/B": LinkSettings(latency_ms=5.0),
    },
)


def _ini(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


def test_settings_round_trip_through_an_ini_file(tmp_path: Path) -> None:
    CUSTOM.save(_ini(tmp_path))
    assert Settings.load(_ini(tmp_path)) == CUSTOM


def test_saving_fewer_links_forgets_the_others(tmp_path: Path) -> None:
    CUSTOM.save(_ini(tmp_path))
    Settings(guard_penalty=frozenset()).save(_ini(tmp_path))
    assert Settings.load(_ini(tmp_path)) == Settings(guard_penalty=frozenset())


def test_missing_or_bad_values_load_as_defaults(tmp_path: Path) -> None:
    assert Settings.load(_ini(tmp_path)) == Settings()
    qs = _ini(tmp_path)
    qs.setValue("stall/long_ms", "soon")
    qs.setValue("requests/timeout_s", -4)
    qs.setValue("guard/penalty", "log,explode")
    qs.sync()
    loaded = Settings.load(_ini(tmp_path))
    assert loaded.stall_long_ms == Settings().stall_long_ms
    assert loaded.request_timeout_s == Settings().request_timeout_s
    assert loaded.guard_penalty == {"log"}


def test_apply_sets_guard_stall_timeout_and_existing_links(
    sim: Simulation, make_project: Callable[..., Project]
) -> None:
    sim.add_remote("Plant2", make_project("Remote"))
    CUSTOM.apply(sim)
    assert sim.guard.penalty == Penalty.RAISE | Penalty.CALLBACK
    assert sim.stall.thresholds == StallThresholds(80, 700, 9000)
    assert sim.request_timeout_s == 12.5
    link = sim.network.link("Plant2")
    assert (link.state, link.latency_ms, link.connect_timeout_s) == (
        "faulted",
        250.0,
        3.0,
    )
    assert sim.network.names() == ["Plant2"]  # "Plant 3/B" is not on this network


def test_from_sim_reads_back_what_apply_set(
    sim: Simulation, make_project: Callable[..., Project]
) -> None:
    assert Settings.from_sim(sim) == Settings()
    sim.add_remote("Plant2", make_project("Remote"))
    CUSTOM.apply(sim)
    expected = dataclasses.replace(CUSTOM, links={"Plant2": CUSTOM.links["Plant2"]})
    assert Settings.from_sim(sim) == expected


def test_dialog_edits_come_back_in_result_settings(qtbot: QtBot) -> None:
    dialog = SettingsDialog(CUSTOM)
    qtbot.addWidget(dialog)
    assert dialog.result_settings() == CUSTOM
    dialog.penalty_boxes["log"].setChecked(True)
    dialog.penalty_boxes["raise"].setChecked(False)
    dialog.not_responding_ms.setValue(6000)
    dialog.request_timeout.setValue(30)
    row = sorted(CUSTOM.links).index("Plant2")
    faulted = dialog.links.cellWidget(row, 1)
    latency = dialog.links.cellWidget(row, 2)
    assert isinstance(faulted, QCheckBox)
    assert isinstance(latency, QSpinBox)
    faulted.setChecked(False)
    latency.setValue(40)
    result = dialog.result_settings()
    assert result.guard_penalty == {"log", "callback"}
    assert result.stall_not_responding_ms == 6000
    assert result.request_timeout_s == 30
    assert result.links["Plant2"] == LinkSettings(40.0, False, 3.0)


@pytest.mark.parametrize("ok", [True, False])
def test_dialog_ok_accepts_and_cancel_rejects(qtbot: QtBot, ok: bool) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    button = dialog.buttons.button(
        dialog.buttons.StandardButton.Ok if ok else dialog.buttons.StandardButton.Cancel
    )
    with qtbot.waitSignal(dialog.accepted if ok else dialog.rejected, timeout=1000):
        button.click()


def test_dialog_keeps_thresholds_ordered(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.warn_ms.setValue(100)
    dialog.long_ms.setValue(300)
    result = dialog.result_settings()
    assert result.stall_long_ms <= result.stall_warn_ms
    assert result.stall_warn_ms <= result.stall_not_responding_ms
