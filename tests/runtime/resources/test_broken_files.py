"""Broken, hostile and strange files: a ProjectError naming file and element, always."""

from __future__ import annotations

import gzip
import os
import struct
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.runtime.resources.encoder import arraylist, document, encode, i, obj, ref, s
from visionsim.runtime.project_io import ProjectError
from visionsim.runtime.resources import binary
from visionsim.runtime.resources.binary import MAGIC, MAX_DEPTH, Elem
from visionsim.runtime.resources.decode_window import (
    decode_object,
    decode_window,
    object_from_bytes,
)

HEADER = MAGIC + struct.pack(">iq", 2, 0) + bytes(20)
SAMPLE = encode(
    document(
        obj(
            "FPMIWindow",
            [("setTitle", [s("Main")]), ("setSize", [i(3)]), ("x", [ref(1)])],
            ctor=[s("Main")],
            id=1,
        )
    ),
    compress=False,
)


def _write(tmp_path: Path, data: bytes, name: str = "window.bin") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _fails(path: Path, match: str) -> ProjectError:
    with pytest.raises(ProjectError, match=match) as info:
        decode_object(path)
    assert info.value.path == path
    return info.value


def test_every_truncation_of_a_valid_file_is_an_error(tmp_path: Path) -> None:
    for size in range(len(SAMPLE)):
        path = _write(tmp_path, SAMPLE[:size])
        with pytest.raises(ProjectError) as info:
            decode_object(path)
        assert info.value.path == path


def test_truncated_gzip_is_reported(tmp_path: Path) -> None:
    data = gzip.compress(SAMPLE)
    _fails(_write(tmp_path, data[: len(data) // 2]), "gzip stream is truncated")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "wrong magic"),
        (b"\x1f\x8bnot gzip at all", "broken gzip stream"),
        (b"<?xml version='1.0'?><objects/>", "wrong magic"),
        (MAGIC + struct.pack(">i", 3) + bytes(28), "format version 3"),
        (HEADER + struct.pack(">i", 10**9), "string table count 1000000000"),
        (HEADER + struct.pack(">iiBH", 1, 0, 9, 0), "unknown string kind 9"),
        (
            HEADER + struct.pack(">i", 1) + struct.pack(">iBH", 0, 0, 2) + b"\xff\xff",
            "modified UTF-8",
        ),
        (HEADER + struct.pack(">i", 0) + b"\x00" + struct.pack(">i", 0), "string id 0"),
        (HEADER + struct.pack(">i", 0) + b"\x40", "unknown element tag 0x40"),
        (HEADER + struct.pack(">i", 0) + b"\x30", "unknown element tag 0x30"),
    ],
)
def test_hand_made_broken_files(tmp_path: Path, data: bytes, message: str) -> None:
    _fails(_write(tmp_path, data), message)


def _table(*names: str) -> bytes:
    out = struct.pack(">i", len(names))
    for index, name in enumerate(names):
        out += struct.pack(">iBH", index, 0, len(name)) + name.encode()
    return out


def test_duplicate_string_ids_are_rejected(tmp_path: Path) -> None:
    data = HEADER + struct.pack(">i", 2) + struct.pack(">iBH", 0, 0, 1) + b"a"
    data += struct.pack(">iBH", 0, 0, 1) + b"b"
    _fails(_write(tmp_path, data), "string id 0 appears twice")


def test_a_huge_child_count_is_rejected_before_allocating(tmp_path: Path) -> None:
    data = HEADER + _table("objects") + b"\x10" + struct.pack(">ii", 0, 2**31 - 1)
    _fails(_write(tmp_path, data), r"child count 2147483647 does not fit")


def test_a_payload_longer_than_the_file_is_rejected(tmp_path: Path) -> None:
    data = HEADER + _table("objects", "str") + b"\x10" + struct.pack(">ii", 0, 1)
    data += b"\x20" + struct.pack(">ii", 1, 2**30)
    error = _fails(_write(tmp_path, data), "unexpected end of data")
    assert "element objects/str" in error.message


def test_a_wrong_payload_size_names_the_element(tmp_path: Path) -> None:
    data = HEADER + _table("objects", "int") + b"\x10" + struct.pack(">ii", 0, 1)
    data += b"\x20" + struct.pack(">ii", 1, 3) + b"\xff\x00\x00"
    error = _fails(_write(tmp_path, data), "payload of 3 bytes, expected 5")
    assert "objects/int" in error.message


def test_a_reference_to_an_unknown_id_names_the_problem(tmp_path: Path) -> None:
    window = obj("FPMIWindow", [("setTitle", [arraylist([ref(99)])])])
    path = _write(tmp_path, encode(document(window)))
    with pytest.raises(ProjectError, match="reference to id 99") as info:
        decode_window(path, "Main")
    assert "element objects/o[FPMIWindow]/o-c[setTitle]" in info.value.message


def test_deep_nesting_is_an_error_not_a_recursion_error(tmp_path: Path) -> None:
    elem = s("leaf")
    for _ in range(MAX_DEPTH + 10):
        elem = Elem("arraylist", children=[elem])
    _fails(_write(tmp_path, encode(document(elem))), f"deeper than {MAX_DEPTH}")


def test_a_gzip_bomb_stops_at_the_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    limit = 1 << 20  # the real limit is larger; the mechanism is the same
    monkeypatch.setattr(binary, "MAX_DATA_BYTES", limit)
    bomb = gzip.compress(HEADER + bytes(limit * 4), compresslevel=9)
    assert len(bomb) < 10_000
    _fails(_write(tmp_path, bomb), f"decompresses to more than {limit} bytes")


def test_a_fifo_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "window.bin"
    os.mkfifo(fifo)
    _fails(fifo, "not a regular file")


def test_a_symlink_to_dev_zero_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "window.bin"
    link.symlink_to("/dev/zero")
    _fails(link, "not a regular file")


def test_a_folder_and_a_missing_file_are_refused(tmp_path: Path) -> None:
    (tmp_path / "window.bin").mkdir()
    _fails(tmp_path / "window.bin", "not a regular file")
    _fails(tmp_path / "gone.bin", "cannot read")


def test_a_resource_that_is_not_a_window_says_so(tmp_path: Path) -> None:
    path = _write(tmp_path, encode(document(obj("java.util.HashMap"))))
    with pytest.raises(ProjectError, match=r"not a window: java\.util\.HashMap"):
        decode_window(path, "Main")


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.binary(max_size=400), cut=st.integers(0, len(SAMPLE)))
def test_fuzz_only_project_errors_come_out(data: bytes, cut: int) -> None:
    # Random bytes, and a valid file with random bytes spliced in.
    for blob in (data, SAMPLE[:cut] + data + SAMPLE[cut:], HEADER + data):
        try:
            object_from_bytes(blob, Path("fuzz.bin"))
        except ProjectError:
            pass
        except Exception as exc:  # the only failure this test looks for
            raise AssertionError(f"{type(exc).__name__}: {exc}") from exc


def test_decoding_from_a_deep_stack_is_still_only_a_project_error(
    tmp_path: Path,
) -> None:
    elem = s("leaf")
    for _ in range(MAX_DEPTH - 1):  # allowed nesting, but little stack left
        elem = Elem("arraylist", children=[elem])
    path = _write(tmp_path, encode(document(elem)))

    def deep(levels: int) -> object:
        return deep(levels - 1) if levels else decode_object(path)

    with pytest.raises(ProjectError, match="nested too deep"):
        deep(sys.getrecursionlimit() - 150)
