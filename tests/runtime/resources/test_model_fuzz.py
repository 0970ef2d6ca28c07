"""Well-formed but strange object graphs: the model builders only raise ProjectError.

Random bytes rarely get past the header; these examples are valid files whose
objects are shuffled Vision vocabulary (windows whose content pane is a map,
adapters without code, references to ancestors …), so they exercise the
window, template and event-script builders themselves.
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.runtime.resources.encoder import (
    arraylist,
    b,
    document,
    encode,
    i,
    leaf,
    null,
    obj,
    ref,
    s,
)
from visionsim.runtime.project_io import ProjectError
from visionsim.runtime.resources.decode_events import decode_events
from visionsim.runtime.resources.decode_window import decode_template, decode_window
from visionsim.runtime.resources.values import Color, Floats, MethodRef, Point

if TYPE_CHECKING:
    from visionsim.runtime.resources.binary import Elem

FPMI = "com.inductiveautomation.factorypmi.application"
CLASSES = [
    "FPMIWindow",
    f"{FPMI}.components.BasicContainer",
    f"{FPMI}.components.PMILabel",
    f"{FPMI}.components.PMIButton",
    f"{FPMI}.components.template.VisionTemplate",
    f"{FPMI}.components.template.TemplateHolder",
    f"{FPMI}.binding.DefaultInteractionController",
    f"{FPMI}.binding.action.ActionAdapter",
    f"{FPMI}.binding.PropertyKey",
    f"{FPMI}.binding.SimpleBoundTagAdapter",
    f"{FPMI}.binding.IndirectTagBindingAdapter",
    f"{FPMI}.binding.SQLPropertyAdapter",
    f"{FPMI}.binding.DynamicPropertyDescriptor",
    f"{FPMI}.model.WindowInfo",
    "java.beans.MethodDescriptor",
    "java.util.HashMap",
    "com.inductiveautomation.ignition.common.script.ScriptConfig",
    "com.inductiveautomation.ignition.common.script.TimerKey",
    "x.BasicDataset",
]
METHODS = [
    "setContentPane",
    "setInteractionController",
    "setGeneralAdapters",
    "setPropertyAdapters",
    "privateAdd",
    "setChildren",
    "setChildrenForSerialization",
    "setDynamicProps",
    "put",
    "add",
    "setText",
    "setSize",
    "setTitle",
    "setBoundsEx",
    "setJythonCode",
    "setMethodDescriptor",
    "setComponent",
    "setPropertyName",
    "setTimerScripts",
    "setMessageHandlerScripts",
    "setTagChangeScripts",
    "setMenuRoot",
    "setDelay",
    "setPathParts",
    "setReferences",
    "setSerializedCode",
    "putClientProperty",
    "setPropertyType",
    "setValue",
]
LEAVES = st.sampled_from(
    [
        s("Root Container"),
        s("vision.custom.functions"),
        i(3),
        b(True),
        null(),
        leaf("clr", Color(0xFF00FF00)),
        leaf("dim", Point(-5, 10**6)),
        leaf("r2dd", Floats((1e308, -1e308, float("nan"), 2.0))),
        leaf("method", MethodRef("A", "actionPerformed", ())),
        leaf("gzbarr", b"\x1f\x8b junk"),
        leaf("date", None),
        ref(1),
        ref(2),
    ]
)


def _objects(children: st.SearchStrategy[Elem]) -> st.SearchStrategy[Elem]:
    calls = st.lists(
        st.tuples(st.sampled_from(METHODS), st.lists(children, max_size=3)),
        max_size=4,
    )
    return st.one_of(
        st.builds(
            lambda cls, kind, calls, ctor, ident: obj(
                cls, calls, kind=kind, ctor=ctor, id=ident
            ),
            st.sampled_from(CLASSES),
            st.sampled_from(["o", "c", "s"]),
            calls,
            st.none() | st.lists(children, max_size=2),
            st.sampled_from([None, 2, 3]),
        ),
        st.builds(arraylist, st.lists(children, max_size=3)),
    )


TREES = st.recursive(LEAVES, _objects, max_leaves=25)
ROOTS = st.builds(
    lambda cls, calls: obj(cls, calls, ctor=[s("W")], id=1),
    st.sampled_from(CLASSES),
    st.lists(
        st.tuples(st.sampled_from(METHODS), st.lists(TREES, max_size=2)), max_size=6
    ),
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(root=ROOTS)
def test_model_builders_raise_only_project_errors(root: Elem) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "resource.bin"
        path.write_bytes(encode(document(root)))
        for decode in (
            lambda: decode_window(path, "W"),
            lambda: decode_template(path, "T"),
            lambda: decode_events(path, ("Shared", "Dedicated")),
        ):
            with contextlib.suppress(ProjectError):
                decode()
