"""The byte-level decoder: every value kind round-trips; references resolve."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from tests.runtime.resources.encoder import (
    array,
    arraylist,
    b,
    document,
    encode,
    enum,
    hashmap,
    i,
    leaf,
    null,
    obj,
    ref,
    s,
)
from visionsim.runtime.resources.binary import Attr, Elem, parse
from visionsim.runtime.resources.graph import JavaObject, build, map_items
from visionsim.runtime.resources.values import (
    ClassName,
    Color,
    Floats,
    Font,
    GeneralPath,
    JavaDate,
    JavaEnum,
    MethodRef,
    PathSegment,
    Point,
    Raw,
    Rect,
    TagPath,
)

#: One example of every typed payload of reference section 6.
VALUES: dict[str, object] = {
    "str": "TestingAsync",
    "class": ClassName("java.lang.String"),
    "tagpath": TagPath("[default]_types_/BedTag"),
    "int": -2,
    "qc": 192,
    "shrt": -300,
    "lng": 1_590_224_569_714,
    "flt": 0.5,
    "dbl": 3.141592653589793,
    "date": JavaDate(1_590_224_569_714),
    "clr": Color(0xFFFAFAFB),
    "uuid": uuid.UUID("12345678-1234-5678-1234-567812345678").bytes,
    "point": Point(3, -4),
    "dim": Point(800, 600),
    "rect": Rect(1, 2, 3, 4),
    "insets": Rect(5, 6, 7, 8),
    "p2df": Floats((1.5, 2.5)),
    "p2dd": Floats((1.1, 2.2)),
    "r2df": Floats((1.0, 2.0, 3.0, 4.0)),
    "r2dd": Floats((127.0, 263.1, 204.3, 91.0)),
    "e2df": Floats((0.0, 0.25, 10.0, 20.0)),
    "rndrect2df": Floats((0.0, 1.0, 2.0, 3.0, 4.0, 5.0)),
    "font": Font("Dialog", 1, 20),
    "method": MethodRef(
        "java.awt.event.ActionListener",
        "actionPerformed",
        ("java.awt.event.ActionEvent",),
    ),
    "gp": GeneralPath(
        1,
        (
            PathSegment(0, (0.0, 0.0)),
            PathSegment(1, (10.0, 0.0)),
            PathSegment(2, (1.0, 2.0, 3.0, 4.0)),
            PathSegment(3, (1.0, 2.0, 3.0, 4.0, 5.0, 6.0)),
            PathSegment(4, ()),
        ),
    ),
    "gzbarr": b"\x1f\x8b raw bytes",
    "clr_arr": (0xFF000000, 0xFFFFFFFF),
    "pflt_arr": (0.0, 0.5, 1.0),
    "qc_arr": (192, 0),
    "plng_arr": (1, -1, 2**40),
    "lc": Raw(b"\x12\x00\x00\x02\x10\x00"),
    "colorstate": Raw(bytes(13)),
    "bitset": Raw(bytes.fromhex("000000010102040810204080")),
    "somethingNew": Raw(b"\x01\x02"),
}


def _decode(root: Elem, **options: object) -> Elem:
    return parse(encode(root, **options), Path("test.bin")).root  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(VALUES))
def test_every_typed_value_round_trips(name: str) -> None:
    original = document(leaf(name, VALUES[name]))
    assert _decode(original) == original
    assert build(_decode(original)) == VALUES[name]


def test_null_payload_of_a_boxed_value_is_none() -> None:
    original = document(leaf("int", None))
    assert build(_decode(original)) is None


def test_string_table_in_hash_order_and_long_strings() -> None:
    long_text = "x" * 70_000  # over 65,535 encoded bytes: a kind-1 entry
    original = document(arraylist([s("a"), s(long_text), s("b")]))
    assert _decode(original, shuffle=7) == original
    assert build(_decode(original, shuffle=3)) == ["a", long_text, "b"]


def test_modified_utf8_surrogate_pairs_and_nul_decode() -> None:
    text = "tools \U0001f6e0 and a NUL \x00 and é"
    assert build(_decode(document(s(text)))) == text


def test_uncompressed_streams_are_read_too() -> None:
    original = document(s("nested blobs are gzipped, plain streams work too"))
    assert _decode(original, compress=False) == original


def test_header_timestamp_is_read() -> None:
    doc = parse(encode(document(null()), timestamp=1234), Path("x"))
    assert (doc.version, doc.timestamp) == (2, 1234)


def test_literals_enums_arrays_and_maps_become_python_values() -> None:
    root = document(
        arraylist(
            [
                b(True),
                b(False),
                null(),
                i(7),
                enum("ScriptScopeStyle", "Python25"),
                array("O", [s("x"), i(1)]),
                hashmap([(s("k"), i(2))]),
                Elem(
                    "enumset",
                    attrs={"cls": Attr(9, "TagChangeType")},
                    children=[enum("TagChangeType", "ValueChange")],
                ),
            ]
        )
    )
    assert _decode(root) == root
    items = build(_decode(root))
    assert isinstance(items, list)
    assert items[:6] == [
        True,
        False,
        None,
        7,
        JavaEnum("ScriptScopeStyle", "Python25"),
        ["x", 1],
    ]
    assert map_items(items[6]) == [("k", 2)]
    assert items[7] == [JavaEnum("TagChangeType", "ValueChange")]


def test_references_resolve_to_the_same_object_even_to_an_ancestor() -> None:
    shared = obj("java.awt.Font", [("setName", [s("shared", id=5)])], id=4)
    # the window's own event map refers back to the window (reference 8)
    window = obj(
        "FPMIWindow",
        [
            ("setA", [shared]),
            ("setB", [ref(4)]),
            ("setSelf", [ref(1)]),
            ("t", [ref(5)]),
        ],
        id=1,
    )
    built = build(_decode(document(window)))
    assert isinstance(built, JavaObject)
    first, second = built.first("setA"), built.first("setB")
    assert first is second
    assert built.first("setSelf") is built
    assert built.first("t") == "shared"


def test_attributes_of_every_type_round_trip() -> None:
    attrs = {
        "m": Attr(8, "setText"),
        "cls": Attr(9, "str"),
        "s": Attr(10, ("str", "I")),
        "len": Attr(2, 12),
    }
    original = document(Elem("x", attrs=attrs, children=[]))
    assert _decode(original) == original


def test_two_part_names_and_ids_on_leaves_round_trip() -> None:
    original = document(
        Elem("o-c", split=True, attrs={"m": Attr(8, "add")}, children=[s("v", id=3)])
    )
    assert _decode(original) == original


def test_a_real_sized_document_decodes_quickly(tmp_path: Path) -> None:
    items = [obj("x.Y", [("setText", [s(f"label {n}")])]) for n in range(5000)]
    data = encode(document(arraylist(items)))
    (tmp_path / "big.bin").write_bytes(data)
    from visionsim.runtime.resources.binary import read_file

    built = build(read_file(tmp_path / "big.bin").root)
    assert isinstance(built, list)
    assert len(built) == 5000


def test_a_lone_surrogate_becomes_a_replacement_character() -> None:
    raw = "a\ud800b".encode("utf-8", "surrogatepass")
    from visionsim.runtime.resources.binary import java_utf8

    assert java_utf8(raw) == "a\ufffdb"
