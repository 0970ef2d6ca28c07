"""Fixtures for the tag tests: a project with a tag export and a fast simulator."""

from __future__ import annotations

import json
import textwrap
from typing import TYPE_CHECKING

import pytest

from tests.conftest import write_project
from visionsim.runtime import load_project

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from visionsim.runtime import ClientSession, Project, Simulation

SIM_PERIOD_S = 0.02

TAGS = {
    "name": "",
    "tagType": "Provider",
    "tags": [
        {
            "name": "_types_",
            "tagType": "Folder",
            "tags": [
                {
                    "name": "Pump",
                    "tagType": "UdtType",
                    "parameters": {
                        "Area": {"dataType": "String", "value": "North"},
                        "Index": {"dataType": "Int4", "value": 0},
                    },
                    "tags": [
                        {
                            "name": "PV",
                            "valueSource": "memory",
                            "dataType": "Float8",
                            "value": 1.5,
                        },
                        {
                            "name": "AreaName",
                            "valueSource": "memory",
                            "dataType": "String",
                            "value": {
                                "bindType": "parameter",
                                "binding": "Area {Area}",
                            },
                        },
                        {
                            "name": "Sim",
                            "valueSource": "opc",
                            "dataType": "Float8",
                            "opcItemPath": {
                                "bindType": "parameter",
                                "binding": "ns=1;s=[Sim]Ramp/Ramp{Index}",
                            },
                        },
                    ],
                },
                {
                    "name": "BigPump",
                    "tagType": "UdtType",
                    "typeId": "Pump",
                    "tags": [
                        {
                            "name": "Extra",
                            "valueSource": "memory",
                            "dataType": "Int4",
                            "value": 9,
                        }
                    ],
                },
            ],
        },
        {
            "name": "Line1",
            "tagType": "Folder",
            "tags": [
                {
                    "name": "Speed",
                    "tagType": "AtomicTag",
                    "valueSource": "memory",
                    "dataType": "Int4",
                    "value": 7,
                    "engUnit": "rpm",
                },
                {
                    "name": "SpeedRef",
                    "valueSource": "reference",
                    "dataType": "Int4",
                    "sourceTagPath": "[.]Speed",
                },
                {
                    "name": "Name",
                    "valueSource": "memory",
                    "dataType": "String",
                    "value": "Line one",
                },
                {
                    "name": "P1",
                    "tagType": "UdtInstance",
                    "typeId": "Pump",
                    "parameters": {"Area": "South"},
                    "tags": [{"name": "PV", "value": 3.0}],
                },
                {
                    "name": "P2",
                    "tagType": "UdtInstance",
                    "typeId": "BigPump",
                    "parameters": {"Index": {"dataType": "Int4", "value": 2}},
                },
            ],
        },
        {
            "name": "Line2",
            "tagType": "Folder",
            "tags": [
                {
                    "name": "Speed",
                    "valueSource": "memory",
                    "dataType": "Int4",
                    "value": 12,
                }
            ],
        },
        {
            "name": "Sim",
            "tagType": "Folder",
            "tags": [
                {
                    "name": "Sine0",
                    "valueSource": "opc",
                    "dataType": "Float8",
                    "opcItemPath": "ns=1;s=[Sample_Device]_Meta:Sine/Sine0",
                },
                {
                    "name": "RO",
                    "valueSource": "opc",
                    "dataType": "Int4",
                    "opcItemPath": "[GenSim]ReadOnly/ReadOnlyInteger3",
                },
                {
                    "name": "Plain",
                    "valueSource": "opc",
                    "dataType": "Int4",
                    "opcItemPath": "ns=1;s=[PLC]N7:0",
                    "value": 5,
                },
            ],
        },
        {
            "name": "Expr",
            "valueSource": "expr",
            "dataType": "Boolean",
            "expression": "1 > 0",
        },
        {
            "name": "Flag",
            "valueSource": "memory",
            "dataType": "Boolean",
            "value": False,
        },
    ],
}

CLIENT_TAGS = [
    {"name": "Selected", "valueSource": "memory", "dataType": "Int4", "value": 1},
]


def write_tag_project(
    root: Path,
    tags: object = None,
    *,
    gateway_events: str = "",
    client_events: str = "",
    name: str = "Proj",
) -> Path:
    """A project whose visionsim.yaml names a default and a client tag file."""
    folder = write_project(
        root, name, gateway_events=gateway_events, client_events=client_events
    )
    (folder / "tags").mkdir()
    (folder / "tags" / "default.json").write_text(json.dumps(tags or TAGS, indent=1))
    (folder / "tags" / "client.json").write_text(json.dumps(CLIENT_TAGS))
    (folder / "visionsim.yaml").write_text(
        "tags:\n  default: tags/default.json\n  client: tags/client.json\n"
    )
    return folder


@pytest.fixture
def tag_project(tmp_path: Path) -> Callable[..., Project]:
    """``tag_project(gateway_events=..., client_events=..., tags=...)``."""

    def make(**kwargs: object) -> Project:
        events = {k: textwrap.dedent(str(v)) for k, v in kwargs.items() if k != "tags"}
        return load_project(write_tag_project(tmp_path, kwargs.get("tags"), **events))

    return make


@pytest.fixture
def open_tags(
    sim: Simulation, tag_project: Callable[..., Project]
) -> Callable[..., ClientSession]:
    """Open a tag project with a fast simulator and no client round trip."""

    def open_(round_trip_s: float = 0.0, **kwargs: object) -> ClientSession:
        sim.gateway.tags.engine.sim_period_s = SIM_PERIOD_S
        client = sim.open_project(tag_project(**kwargs))
        client.tags.round_trip_s = round_trip_s
        return client

    return open_


@pytest.fixture
def tclient(open_tags: Callable[..., ClientSession]) -> ClientSession:
    """A client of the tag project."""
    return open_tags()
