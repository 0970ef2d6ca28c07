"""system.tag browse, exists, getConfiguration and configure."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from visionsim.runtime.tags import QualityCode

if TYPE_CHECKING:
    from visionsim.runtime import ClientSession


def tag(client: ClientSession) -> Any:
    return client.scope.system.tag


def test_browse_lists_a_folder_with_the_usual_keys(tclient: ClientSession) -> None:
    results = tag(tclient).browse("[default]Line1")
    rows = {r["name"]: r for r in results.getResults()}
    assert list(rows) == ["Speed", "SpeedRef", "Name", "P1", "P2"]
    speed = rows["Speed"]
    assert str(speed["fullPath"]) == "[default]Line1/Speed"
    assert speed["tagType"] == "AtomicTag"
    assert speed["dataType"] == "Int4"
    assert speed["hasChildren"] is False
    assert speed["value"].value == 7
    assert rows["P1"]["hasChildren"] is True
    assert results.getReturnedSize() == 5
    assert results.getResultQuality().isGood()


def test_browse_the_provider_root_and_with_a_filter(tclient: ClientSession) -> None:
    names = [r["name"] for r in tag(tclient).browse("[default]")]
    assert names[:3] == ["_types_", "Line1", "Line2"]
    found = tag(tclient).browse("[default]", {"name": "Speed*", "recursive": True})
    assert sorted(str(r["fullPath"]) for r in found) == [
        "[default]Line1/Speed",
        "[default]Line1/SpeedRef",
        "[default]Line2/Speed",
    ]
    folders = tag(tclient).browse("[default]", {"tagType": "Folder"})
    assert [r["name"] for r in folders] == ["_types_", "Line1", "Line2", "Sim"]


def test_browse_results_can_be_read_back(tclient: ClientSession) -> None:
    paths = [r["fullPath"] for r in tag(tclient).browse("Line2").getResults()]
    assert tag(tclient).readBlocking(paths)[0].value == 12


def test_exists(tclient: ClientSession) -> None:
    assert tag(tclient).exists("[default]Line1/Speed")
    assert tag(tclient).exists("Line1")
    assert not tag(tclient).exists("Line1/Nope")
    assert tag(tclient).exists("[System]Client/User/Username")


def test_get_configuration_returns_the_tag_json(tclient: ClientSession) -> None:
    [config] = tag(tclient).getConfiguration("[default]Line1/Speed")
    assert config["name"] == "Speed"
    assert config["valueSource"] == "memory"
    assert config["engUnit"] == "rpm"
    assert config["value"] == 7
    assert str(config["path"]) == "[default]Line1/Speed"
    [folder] = tag(tclient).getConfiguration("Line2", True)
    assert [t["name"] for t in folder["tags"]] == ["Speed"]
    [flat] = tag(tclient).getConfiguration("Line2")
    assert "tags" not in flat
    assert tag(tclient).getConfiguration("Nope") == []


def test_configure_creates_tags_and_folders(tclient: ClientSession) -> None:
    codes = tag(tclient).configure(
        "[default]New/Sub",
        [{"name": "T", "valueSource": "memory", "dataType": "Int4", "value": 3}],
    )
    assert codes == [QualityCode.Good]
    assert tag(tclient).readBlocking("New/Sub/T")[0].value == 3


def test_configure_overwrite_keeps_listeners(tclient: ClientSession) -> None:
    seen: list[Any] = []
    tclient.tags.subscribe("Line1/Speed", lambda _t, _o, new: seen.append(new.value))
    tag(tclient).configure(
        "Line1",
        {"name": "Speed", "valueSource": "memory", "dataType": "Int4", "value": 50},
    )
    assert seen == [50]
    [config] = tag(tclient).getConfiguration("Line1/Speed")
    assert "engUnit" not in config  # overwritten, not merged


def test_configure_merge_ignore_and_abort(tclient: ClientSession) -> None:
    tag(tclient).configure("Line1", [{"name": "Speed", "value": 60}], "m")
    [config] = tag(tclient).getConfiguration("Line1/Speed")
    assert (config["engUnit"], config["value"]) == ("rpm", 60)
    tag(tclient).configure("Line1", [{"name": "Speed", "value": 61}], "i")
    assert tag(tclient).readBlocking("Line1/Speed")[0].value == 60
    with pytest.raises(ValueError, match="already exists"):
        tag(tclient).configure("Line1", [{"name": "Speed", "value": 62}], "a")
    with pytest.raises(ValueError, match="collisionPolicy"):
        tag(tclient).configure("Line1", [{"name": "Speed"}], "x")


def test_delete_tags_removes_tags_and_folders(tclient: ClientSession) -> None:
    assert tag(tclient).readBlocking("Line2/Speed")[0].value == 12
    codes = tag(tclient).deleteTags(["Line2/Speed", "Nope", "[default]Sim"])
    assert [c.getName() for c in codes] == ["Good", "Bad_NotFound", "Good"]
    assert not tag(tclient).exists("Line2/Speed")
    assert not tag(tclient).exists("Sim/Sine0")
    assert tag(tclient).readBlocking("Line2/Speed")[0].quality.isBad()
    [root] = tag(tclient).deleteTags("[default]")
    assert root.getName() == "Bad_Unsupported"
