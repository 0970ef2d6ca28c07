"""The words of the timeline's details panel: what an item is, where, when."""

from __future__ import annotations

from typing import TYPE_CHECKING

from visionsim.app.timeline_model import format_ns

if TYPE_CHECKING:
    from visionsim.app.timeline_model import TimelineItem, TimelineModel


_KIND_LABELS = {
    "task": "async task",
    "handler": "message handler",
    "invokeLater": "invokeLater call",
    "onSuccess": "onSuccess callback",
    "onError": "onError callback",
    "request": "request",
    "stall": "GUI-thread stall",
    "violation": "thread violation",
}


def kind_label(item: TimelineItem) -> str:
    """What an item is, in words (``"invokeLater call"``, ``"async task"``…)."""
    if item.kind == "post":
        return f"{item.category} post"
    if item.kind == "instant":
        return f"{item.category} event"
    return _KIND_LABELS.get(item.category, item.category)


def describe(model: TimelineModel, item: TimelineItem) -> str:
    """The details panel's text for ``item``: what, where, when, args."""
    info = model.lane(item.lane)
    process = f" ({info.process})" if info else ""
    lines = [
        f"{kind_label(item)}: {readable(item.name)}",
        f"lane: {item.lane_name}{process}",
    ]
    when = f"start: {format_ns(item.start_ns, step_ns=1000)}"
    if item.kind in ("span", "stall"):
        if item.end_ns is None:
            when += f", still running ({format_ns(model.now() - item.start_ns)} so far)"
        else:
            when += f", duration: {format_ns(item.end_ns - item.start_ns)}"
    lines.append(when)
    post = model.post_of(item) if item.kind == "span" else None
    if post is not None:
        queued = format_ns(item.start_ns - post.start_ns)
        lines.append(f"posted from: {post.lane_name}, queued {queued}")
    run = model.run_of(item) if item.kind == "post" else None
    if run is not None:
        lines.append(
            f"ran on: {run.lane_name} after {format_ns(run.start_ns - item.start_ns)}"
        )
    for key, value in (item.args or {}).items():
        if value is not None and key not in _INTERNAL_ARGS:
            label = _ARG_LABELS.get(key, key)
            lines.append(f"{label}: {readable(str(value))}")
    return "\n".join(lines)


#: How the details name the runtime's event arguments; some are its own
#: bookkeeping, not for the learner.
_ARG_LABELS = {"kind": "cause", "queued_ms": "queued (ms)", "id": "request id"}
_INTERNAL_ARGS = frozenset({"live"})


def readable(name: str) -> str:
    """A function's name as a learner wrote it: ``sendBack (in longProcess)``.

    Python names a nested function ``longProcess.<locals>.sendBack``.
    """
    if ".<locals>." not in name:
        return name
    parts = name.split(".<locals>.")
    return f"{parts[-1]} (in {' > '.join(parts[:-1])})"
