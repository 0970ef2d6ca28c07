"""The tracer's lane names: bounded, oldest evicted first."""

from __future__ import annotations

from visionsim.runtime.trace import MAX_LANES, Tracer


def test_lanes_past_the_cap_evict_the_oldest_first() -> None:
    tracer = Tracer()
    for lane in range(MAX_LANES + 10):
        tracer.name_lane(lane, "client", f"Thread-{lane}")
    lanes = tracer.lanes()
    assert len(lanes) == MAX_LANES
    assert min(lanes) == 10
    assert lanes[MAX_LANES + 9].name == f"Thread-{MAX_LANES + 9}"


def test_renaming_a_lane_keeps_one_entry() -> None:
    tracer = Tracer()
    tracer.name_lane(1, "client", "Thread-1")
    tracer.name_lane(1, "client", "worker")
    assert tracer.lanes() == {1: tracer.lanes()[1]}
    assert tracer.lanes()[1].name == "worker"
