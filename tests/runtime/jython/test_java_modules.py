"""The Java modules as scripts import them, and the classes reaching the simulation."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.conftest import run
from visionsim.runtime.dataset import Dataset
from visionsim.runtime.jython.java.hashing import HashTable
from visionsim.runtime.jython.java.maps import HashMap
from visionsim.runtime.jython.java.util import Random

if TYPE_CHECKING:
    from visionsim.runtime import ClientSession, Simulation


class ScriptedDialogs:
    """A DialogHost that records each dialog and answers from a list."""

    def __init__(self, answers: list[object]) -> None:
        self.shown: list[tuple[str, ...]] = []
        self._answers = answers

    def message(self, kind: str, message: str, title: str) -> None:
        self.shown.append((kind, message, title))

    def confirm(self, message: str, title: str, allow_cancel: bool) -> bool | None:
        self.shown.append(("confirm", message, title, str(allow_cancel)))
        return self._answers.pop(0)  # type: ignore[return-value]

    def input(self, message: str, default_text: str) -> str | None:
        self.shown.append(("input", message, default_text))
        return self._answers.pop(0)  # type: ignore[return-value]


def test_every_import_form_resolves(client: ClientSession) -> None:
    run(
        client,
        """
        import java.util
        import jarray
        import java.util.concurrent.atomic as atomic
        from java.util import ArrayList, Date
        from java.text import SimpleDateFormat, DecimalFormat
        from java.io import ByteArrayInputStream, FileNotFoundException
        from java.util.concurrent import TimeoutException, CancellationException
        from com.inductiveautomation.ignition.common.script.message import (
            MessageHandlerException)
        from com.inductiveautomation.ignition.common import BasicDataset
        assert java.util.ArrayList is ArrayList
        assert atomic.AtomicInteger(2).get() == 2
        assert len(jarray.zeros(4, 'i')) == 4
        assert issubclass(FileNotFoundException, java.io.IOException)
        """,
    )


def test_an_unknown_java_name_is_an_import_error(client: ClientSession) -> None:
    assert not client.run_script("from java.util import NoSuchThing\n", "Test/s")
    assert not client.run_script("import java.nosuchpackage\n", "Test/t")


def test_gateway_scope_has_java_but_no_swing(sim: Simulation, client: ClientSession):
    gateway_modules = next(iter(sim.gateways.values())).scopes
    scope = next(iter(gateway_modules.values()))
    assert "java" in scope.modules
    assert "javax" not in scope.modules
    assert "javax" in client.scope.modules


def test_basic_dataset_is_built_column_by_column_and_can_change(
    client: ClientSession,
) -> None:
    run(
        client,
        """
        from com.inductiveautomation.ignition.common import BasicDataset
        from java.lang import String, Integer
        ds = BasicDataset(["name", "n"], [String, Integer], [["a", "b"], [1, 2]])
        assert ds.getRowCount() == 2 and ds.getColumnCount() == 2
        assert ds.getValueAt(1, "name") == "b"
        ds.setValueAt(0, 1, 10)
        assert ds.getValueAt(0, "n") == 10
        assert ds.getColumnType(0) is String
        copy = system.dataset.toDataSet(ds)
        assert copy.getValueAt(0, 1) == 10
        """,
    )


def test_basic_dataset_from_a_dataset_is_a_copy() -> None:
    from visionsim.runtime.jython.java.ignition import BasicDataset

    source = Dataset(["a"], [[1], [2]])
    copy = BasicDataset(source)
    copy.setValueAt(0, 0, 5)
    assert source.getValueAt(0, 0) == 1
    assert copy.getValueAt(0, 0) == 5


@pytest.mark.parametrize(
    ("answers", "expected"),
    [([True], 0), ([False], 1), ([None], 2)],
)
def test_joptionpane_confirm_uses_the_scopes_dialogs(
    client: ClientSession, answers: list[object], expected: int
) -> None:
    dialogs = ScriptedDialogs(answers)
    client.vision.dialogs = dialogs
    run(
        client,
        f"""
        from javax.swing import JOptionPane
        answer = JOptionPane.showConfirmDialog(None, "Delete?", "Confirm")
        assert answer == {expected}, answer
        """,
    )
    assert dialogs.shown == [("confirm", "Delete?", "Confirm", "True")]


def test_joptionpane_messages_and_input(client: ClientSession) -> None:
    dialogs = ScriptedDialogs(["typed"])
    client.vision.dialogs = dialogs
    run(
        client,
        """
        from javax.swing import JOptionPane
        JOptionPane.showMessageDialog(None, "Saved")
        warn = JOptionPane.WARNING_MESSAGE
        JOptionPane.showMessageDialog(None, "Careful", "Hey", warn)
        assert JOptionPane.showInputDialog("Name?", "bob") == "typed"
        """,
    )
    assert dialogs.shown == [
        ("messageBox", "Saved", "Message"),
        ("warningBox", "Careful", "Hey"),
        ("input", "Name?", "bob"),
    ]


def test_executor_tasks_are_simulated_threads(
    sim: Simulation, client: ClientSession
) -> None:
    run(
        client,
        """
        from java.util.concurrent import Executors, ExecutionException, TimeUnit
        from java.lang import Thread
        pool = Executors.newFixedThreadPool(2)
        f = pool.submit(lambda: Thread.currentThread().getName())
        assert f.get() != "AWT-EventQueue-0"
        assert f.isDone()
        def boom():
            return 1 / 0
        try:
            pool.submit(boom).get()
            raise AssertionError("no ExecutionException")
        except ExecutionException as e:
            assert isinstance(e.getCause(), ZeroDivisionError)
        pool.shutdown()
        assert pool.awaitTermination(1, TimeUnit.SECONDS)
        """,
    )
    assert sim.wait_idle(5)
    assert sim.errors.reports() == []


def test_count_down_latch_waits_for_workers(
    sim: Simulation, client: ClientSession
) -> None:
    run(
        client,
        """
        from java.util.concurrent import CountDownLatch, TimeUnit
        latch = CountDownLatch(2)
        system.util.invokeAsynchronous(latch.countDown)
        system.util.invokeAsynchronous(latch.countDown)
        assert latch.await_(2, TimeUnit.SECONDS)
        assert latch.getCount() == 0
        """,
    )
    assert sim.wait_idle(5)


def test_system_out_println_goes_to_the_scope_console(
    sim: Simulation, client: ClientSession
) -> None:
    run(client, "from java.lang import System\nSystem.out.println(1.0E10)\n")
    assert sim.output.history()[-1].text == "1.0E10\n"


def test_hash_map_order_follows_buckets_then_insertion() -> None:
    table = HashTable()
    for key in (17, 1, 33):  # all in bucket 1 of 16
        table.put(key, None)
    table.put(0, None)
    assert table.keys() == [0, 17, 1, 33]
    for key in range(2, 12):  # the 13th key doubles the table to 32
        table.put(key, None)
    assert table.keys()[:4] == [0, 1, 33, 2]


def test_hash_map_with_mixed_keys_keeps_java_equality_of_lookups() -> None:
    m = HashMap()
    m.put("a", 1)
    m.put(None, 2)
    assert m.get(None) == 2
    assert m.toString() == "{null=2, a=1}"


def test_random_matches_javas_first_values() -> None:
    # new java.util.Random(0): the values every Java programmer has seen
    r = Random(0)
    assert [r.nextInt(10) for _ in range(5)] == [0, 8, 9, 7, 5]
    assert Random(0).nextInt() == -1155484576


def test_concurrent_hash_map_compute_if_absent_is_atomic_across_threads(
    sim: Simulation, client: ClientSession
) -> None:
    result: dict[str, object] = {}
    run(
        client,
        """
        import time
        from java.util.concurrent import ConcurrentHashMap
        from java.util.concurrent.atomic import AtomicInteger
        cache = result["cache"] = ConcurrentHashMap()
        made = result["made"] = AtomicInteger()
        def make(key):
            made.incrementAndGet()
            time.sleep(0.002)  # widen the check-then-act window
            return key * 2
        def worker():
            for i in range(200):
                cache.computeIfAbsent(i % 20, make)
        for n in range(4):
            system.util.invokeAsynchronous(worker)
        """,
        extra={"result": result},
    )
    assert sim.wait_idle(5)
    assert sim.errors.reports() == []
    assert result["cache"].size() == 20  # type: ignore[attr-defined]
    assert result["made"].get() == 20  # type: ignore[attr-defined]


def test_print_stack_trace_writes_java_style_lines_to_the_console(
    sim: Simulation, client: ClientSession
) -> None:
    run(
        client,
        """
        from java.lang import IllegalStateException
        def check():
            raise IllegalStateException("boom")
        try:
            check()
        except IllegalStateException as e:
            e.printStackTrace()
        """,
        name="Main/Button.actionPerformed",
    )
    text = sim.output.history()[-1].text
    assert text.splitlines() == [
        "java.lang.IllegalStateException: boom",
        "\tat check(Main/Button.actionPerformed:4)",
        "\tat <module>(Main/Button.actionPerformed:6)",
    ]


def test_invoke_and_wait_runs_on_the_gui_thread_and_waits(
    sim: Simulation, client: ClientSession
) -> None:
    result: dict[str, object] = {}
    run(
        client,
        """
        from javax.swing import SwingUtilities
        from java.lang import Error
        from java.lang.reflect import InvocationTargetException
        try:
            SwingUtilities.invokeAndWait(lambda: None)
        except Error as e:
            result["edt"] = e.getMessage()
        def worker():
            seen = []
            SwingUtilities.invokeAndWait(
                lambda: seen.append(SwingUtilities.isEventDispatchThread()))
            result["seen"] = seen
            def fail():
                raise ValueError("in the runnable")
            try:
                SwingUtilities.invokeAndWait(fail)
            except InvocationTargetException as e:
                result["cause"] = type(e.getCause()).__name__
        system.util.invokeAsynchronous(worker)
        """,
        extra={"result": result},
    )
    assert sim.wait_idle(5)
    assert sim.errors.reports() == []
    assert result == {
        "edt": "Cannot call invokeAndWait from the event dispatcher thread",
        "seen": [True],
        "cause": "ValueError",
    }


def test_unmodifiable_set_refuses_changes_and_keeps_the_order() -> None:
    from visionsim.runtime.jython.java.errors import UnsupportedOperationException
    from visionsim.runtime.jython.java.lists import HashSet
    from visionsim.runtime.jython.java.util import Collections

    source = HashSet(["b", "a", "c"])
    frozen = Collections.unmodifiableSet(source)
    assert frozen.toString() == source.toString() == "[a, b, c]"
    for change in (lambda: frozen.add("d"), frozen.clear, lambda: frozen.remove("a")):
        with pytest.raises(UnsupportedOperationException):
            change()
    assert Collections.emptySet().isEmpty()


@pytest.mark.parametrize(
    ("bits", "java_text"),
    [  # recorded from JDK 17's Double.toString (as Jython 2.7.3 runs on it)
        (-4967725919621401576, "-3.2148553208128307E-24"),
        (6491681576930330529, "9.767101633242422E125"),
        (-7396290322110236903, "-1.5569803980154513E-186"),
        (-4374390844298903842, "-1.5223186265177532E16"),
        (4868329093772806133, "2.86243066881310368E17"),
        (4779880858116916655, "3.701936709100888E11"),
        (4709267407312755436, "6993670.331274729"),
        (1, "4.9E-324"),
    ],
)
def test_double_to_string_matches_jdk17(bits: int, java_text: str) -> None:
    import struct

    from visionsim.runtime.jython.java.values import double_to_string

    value = struct.unpack(">d", struct.pack(">q", bits))[0]
    assert double_to_string(value) == java_text


def test_count_down_latch_wait_times_out_and_is_interruptible(
    sim: Simulation, client: ClientSession
) -> None:
    result: dict[str, object] = {}
    run(
        client,
        """
        from java.util.concurrent import CountDownLatch, TimeUnit
        from java.lang import InterruptedException
        latch = CountDownLatch(1)
        result["timed_out"] = not latch.await_(30, TimeUnit.MILLISECONDS)
        def waiter():
            try:
                latch.await_()
            except InterruptedException:
                result["interrupted"] = True
        t = system.util.invokeAsynchronous(waiter)
        t.interrupt()
        """,
        extra={"result": result},
    )
    assert sim.wait_idle(5)
    assert result == {"timed_out": True, "interrupted": True}
