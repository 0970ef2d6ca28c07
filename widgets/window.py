"""Vision windows: building them from window.yaml, and the client's window manager.

:class:`WindowManager` is the client's
:class:`~visionsim.runtime.vision_port.WindowHost`: ``system.nav.openWindow``
lands here. It builds each window's component tree from its
:class:`~visionsim.runtime.project.WindowSpec` (event scripts compiled once per
window definition), applies the parameters to the root container's custom
properties, and hands the window's widget to a *placer* — the app puts it in
the client's desktop; by default it is a top-level window (offscreen in
headless runs).
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMdiSubWindow, QVBoxLayout, QWidget

from visionsim.runtime.db.bindings import QueryBinding, start_client_query_binding
from visionsim.runtime.project_io import ProjectError
from visionsim.runtime.resources.lazy import loaded
from visionsim.runtime.tags import BindingEngine
from visionsim.runtime.vision_catalog import nearest
from visionsim.widgets.component import ComponentEnv, VisionComponent
from visionsim.widgets.components import TYPES, Container
from visionsim.widgets.events import WindowEvent
from visionsim.widgets.placeholder import Placeholder

#: Every buildable type: the catalog's, and the stand-in for other classes.
_TYPES = {**TYPES, "Placeholder": Placeholder}

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from types import CodeType

    from visionsim.runtime import ClientSession
    from visionsim.runtime.project import ComponentSpec, WindowSpec
    from visionsim.runtime.windows import BindingSpec

    Placer = Callable[["VisionWindow"], None]


#: Qt keeps coordinates and sizes in 32-bit ints.
_QT_INT = 2**31


class VisionWindow:
    """An open window as scripts see it (Ignition's FPMIWindow).

    ``widget`` is its QWidget; ``components`` maps component paths
    (``Root Container/Group/Start``) to components, for tests and tools.
    """

    def __init__(self, spec: WindowSpec, env: ComponentEnv, root: Container) -> None:
        self.spec = spec
        self._env = env
        self._root = root
        self.components: dict[str, VisionComponent] = {}
        self.widget = QWidget()
        self.widget.setObjectName("VisionWindow")
        self.widget.setWindowTitle(spec.title)
        self.widget.resize(*spec.size)
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(root.widget)
        #: The window's live bindings (set when it opens).
        self.bindings: BindingEngine | None = None
        #: Its SQL and named-query bindings, polling while it is open.
        self.query_bindings: list[QueryBinding] = []

    @property
    def path(self) -> str:
        """The window's path, e.g. ``Main``."""
        return self.spec.path

    @property
    def name(self) -> str:
        """The last part of the path."""
        return self.spec.path.rsplit("/", 1)[-1]

    @property
    def title(self) -> str:
        """The title bar text."""
        return self.spec.title

    @property
    def rootContainer(self) -> Container:
        """The root container."""
        self._env.check("Window.rootContainer read")
        return self._root

    def getRootContainer(self) -> Container:
        """The root container."""
        return self.rootContainer

    def component(self, path: str) -> VisionComponent:
        """The component at ``path`` under the root container (``Group/Start``)."""
        found = self.components.get(f"Root Container/{path}") or self.components.get(
            path
        )
        if found is None:
            choices = [p.removeprefix("Root Container/") for p in self.components]
            raise KeyError(
                f"no component {path!r} in window {self.path!r}{nearest(path, choices)}"
            )
        return found

    def __repr__(self) -> str:
        return f"<VisionWindow {self.path!r}>"


class WindowManager:
    """Opens, tracks and closes one client's windows (GUI thread only).

    Parameters
    ----------
    client
        The client session whose project's windows these are.
    placer
        Shows a newly built window (default: a top-level widget).
    """

    def __init__(self, client: ClientSession, placer: Placer | None = None) -> None:
        self._client = client
        self._placer = placer or _show_top_level
        self._open: list[VisionWindow] = []
        self._current: VisionWindow | None = None
        self._compiled: dict[tuple[str, str, str], CodeType | None] = {}
        #: Called with (script name, error) when an event script does not
        #: compile; the component then has no handler for that event.
        self.on_compile_error: Callable[[str, SyntaxError], None] = self._report

    # -- WindowHost -----------------------------------------------------------

    def open_window(
        self,
        path: str,
        params: dict[str, object] | None,
        replacing: VisionWindow | None = None,
    ) -> VisionWindow:
        """Open ``path`` (or raise it if open) and apply ``params``.

        ``replacing``: an open window whose place (position, size,
        maximized state) a newly opened window takes, as Ignition's swap does.
        """
        window = next((w for w in self._open if w.path == path), None)
        if window is None:
            window = self._build(self._spec(path))
            self._open.append(window)
            self._apply_params(window, params)
            self._bind(window)
            self._placer(window)
            if replacing is not None:
                _take_place(window, replacing)
            self._window_event(window, "visionWindowOpened")
            self._window_event(window, "internalFrameActivated")
        else:
            self._apply_params(window, params)
            self._window_event(window, "internalFrameActivated")
            frame = window.widget.parentWidget()  # the app's MDI sub-window
            if frame is not None:
                frame.raise_()
                frame.setFocus()
            elif QGuiApplication.platformName() != "offscreen":  # it only warns
                window.widget.raise_()
        self._current = window
        return window

    def swap_to(self, path: str, params: dict[str, object] | None) -> VisionWindow:
        """Close the current window and open ``path`` in its place."""
        current = self._current
        opened = self.open_window(path, params, replacing=current)
        if current is not None and current is not opened and current in self._open:
            self.close_window(current)
        return opened

    def close_window(self, window: str | object) -> None:
        """Close an open window given by path or object."""
        path = window if isinstance(window, str) else getattr(window, "path", None)
        found = next((w for w in self._open if w.path == path), None)
        if found is None:
            raise ValueError(f'Window "{path}" is not currently open')
        self._open.remove(found)
        if self._current is found:
            self._current = self._open[-1] if self._open else None
        self._window_event(found, "visionWindowClosed")
        found._env.closed = True  # late writes (a worker finishing) stay harmless
        _unbind(found)
        frame = found.widget.parentWidget()  # the app's MDI sub-window, if any
        found.widget.close()
        found.widget.deleteLater()
        if frame is not None:
            frame.close()

    def close_all(self) -> None:
        """Close every open window (the client is going away)."""
        for window in list(self._open):
            self.close_window(window)

    def opened_windows(self) -> list[VisionWindow]:
        """Open windows, oldest first."""
        return list(self._open)

    def current_window(self) -> VisionWindow | None:
        """The window most recently opened or swapped to."""
        return self._current

    def forget(self, window: VisionWindow) -> None:
        """The user closed ``window``'s frame: treat it as closed."""
        if window in self._open:
            self._open.remove(window)
            window._env.closed = True
            _unbind(window)
            if self._current is window:
                self._current = self._open[-1] if self._open else None

    def window_of(self, component: object) -> VisionWindow | None:
        """The open window holding ``component``."""
        for window in self._open:
            if component in window.components.values():
                return window
        return None

    # -- building -------------------------------------------------------------

    def open_startup_windows(self) -> None:
        """Open every window marked ``openOnStartup``."""
        # Only windows loaded already (YAML) can be marked: binary windows stay
        # undecoded until opened (Ignition keeps startup windows elsewhere).
        for path, spec in loaded(self._client.project.windows).items():
            if spec.open_on_startup:
                self.open_window(path, None)

    def _spec(self, path: str) -> WindowSpec:
        windows = self._client.project.windows
        if path not in windows:
            raise ValueError(
                f'Window "{path}" does not exist in project '
                f'"{self._client.project.name}"{nearest(path, list(windows))}'
            )
        return windows[path]

    def build_window(self, spec: WindowSpec) -> VisionWindow:
        """Build ``spec``'s window without opening it (``check``, tools)."""
        return self._build(spec)

    def _window_event(self, window: VisionWindow, event: str) -> None:
        """Run a window event script (decoded windows carry them)."""
        source = window.spec.events.get(event)
        if source is None:
            return
        name = f"{window.path}.{event}"
        code = self._compile_once((window.path, "", event), source, name)
        if code is not None:
            self._client.run_code(code, name, {"event": WindowEvent(window)})

    def _build(self, spec: WindowSpec) -> VisionWindow:
        env = ComponentEnv(self._client, spec.path)
        components: dict[str, VisionComponent] = {}
        with warnings.catch_warnings():  # the error says it; no stderr warning
            warnings.filterwarnings("ignore", "libshiboken: Overflow", RuntimeWarning)
            root = self._build_component(spec, spec.root, env, None, components)
        assert isinstance(root, Container)
        window = VisionWindow(spec, env, root)
        window.components = components
        env.window = window
        return window

    def _build_component(
        self,
        window: WindowSpec,
        spec: ComponentSpec,
        env: ComponentEnv,
        parent: Container | None,
        out: dict[str, VisionComponent],
    ) -> VisionComponent:
        if spec.type == "Placeholder" and "templatePath" in spec.props:
            spec = self._instance(spec)  # perhaps a template holder
        scripts = {}
        for event, source in spec.events.items():
            code = self._compile(window, spec, event, source)
            if code is not None:
                scripts[event] = code
        if spec.custom_methods:
            env.methods[spec.path] = self._methods(window, spec)
        if not all(-_QT_INT <= n < _QT_INT for n in spec.bounds):
            raise ProjectError(
                window.file,
                f"{spec.path}: bounds {list(spec.bounds)} are past Qt's 32-bit limit",
                spec.line,
            )
        try:
            component: VisionComponent = _TYPES[spec.type](spec, env, parent, scripts)
        except (OverflowError, ValueError, TypeError) as exc:  # a value Qt refused
            why = str(exc) or "a number is past Qt's 32-bit limit"
            raise ProjectError(
                window.file, f"cannot build {spec.path}: {why}", spec.line
            ) from exc
        if isinstance(component, Placeholder):
            component.describe(spec.ignition_class)
        out[spec.path] = component
        if isinstance(component, Container):
            for child_spec in spec.components:
                child = self._build_component(window, child_spec, env, component, out)
                component.add_child(child)
        return component

    def _compile(
        self, window: WindowSpec, spec: ComponentSpec, event: str, source: str
    ) -> CodeType | None:
        name = f"{window.path}/{spec.path}.{event}"
        return self._compile_once((window.path, spec.path, event), source, name)

    def _instance(self, holder: ComponentSpec) -> ComponentSpec:
        """A TemplateHolder with its template inside (or left a placeholder)."""
        try:
            # Imported here: the decoder is for binary projects only.
            from visionsim.runtime.resources.instances import expand, is_holder

            if not is_holder(holder):
                return holder
            return expand(holder, self._client.project.templates)
        except KeyError:
            problem = f"no template {holder.props['templatePath']!r} in the project"
        except ProjectError as exc:
            problem = str(exc)
        self._client.sim.output.write(f"{holder.path}: {problem}\n", is_error=True)
        return holder

    def _methods(
        self, window: WindowSpec, spec: ComponentSpec
    ) -> dict[str, Callable[..., object]]:
        """A component's custom methods as functions taking ``self`` first."""
        out: dict[str, Callable[..., object]] = {}
        for method, source in spec.custom_methods.items():
            name = f"{window.path}/{spec.path}.{method}"
            code = self._compile_once(
                (window.path, spec.path, f"def {method}"), source, name
            )
            if code is None:
                continue
            namespace = self._client.scope.namespace()
            try:
                exec(code, namespace)  # defines the function, runs nothing else
            except BaseException as exc:  # e.g. a failing import at the top
                self._client.sim.output.write(f"{name}: {exc}\n", is_error=True)
                continue
            function = namespace.get(method)
            if callable(function):
                out[method] = function
        return out

    def _compile_once(
        self, key: tuple[str, str, str], source: str, name: str
    ) -> CodeType | None:
        """Compile once per window definition.

        A script that does not compile is reported (``on_compile_error``:
        ``check`` lists it) and becomes code that raises that SyntaxError,
        with its name and line, each time it runs (as in the Designer).
        """
        if key in self._compiled:
            return self._compiled[key]
        try:
            code: CodeType | None = self._client.scope.compile(source, name)
        except (SyntaxError, ValueError) as exc:
            error = exc if isinstance(exc, SyntaxError) else SyntaxError(str(exc))
            self.on_compile_error(name, error)
            code = self._client.scope.compile_or_failing(source, name)
        self._compiled[key] = code
        return code

    def _report(self, name: str, error: SyntaxError) -> None:
        self._client.sim.output.write(
            f"{name}, line {error.lineno}: {error.msg} (it fails when it runs)\n",
            is_error=True,
        )

    def _bind(self, window: VisionWindow) -> None:
        """Make the window's bindings live (after its parameters are set)."""
        specs = {
            path: spec.bindings
            for path, spec in _walk(window.spec.root)
            if spec.bindings
        }
        if not specs:
            return
        output = self._client.sim.output

        def report(message: str) -> None:
            output.write(f'Window "{window.path}": {message}\n', is_error=True)

        window.bindings = BindingEngine(
            self._client.tags,
            self._client.sim.dispatcher,
            window.components,
            report,
        )
        window.bindings.start(specs)
        for owner, binding in window.bindings.deferred:
            self._bind_query(window, owner, binding, report)

    def _bind_query(
        self,
        window: VisionWindow,
        owner: str,
        binding: BindingSpec,
        report: Callable[[str], None],
    ) -> None:
        """Start a query or named-query binding (the database layer polls it)."""
        component = window.components.get(owner)
        prop = component.TYPE.property(binding.target) if component else None
        if component is None or prop is None:
            report(f"binding of {owner}.{binding.target}: no such property")
            return

        def apply(value: object) -> None:
            component.setPropertyValue(binding.target, value)

        window.query_bindings.append(
            start_client_query_binding(
                self._client, binding, apply, scalar=prop.kind is not object
            )
        )

    def _apply_params(
        self, window: VisionWindow, params: dict[str, object] | None
    ) -> None:
        root = window.getRootContainer()
        for name, value in (params or {}).items():
            try:
                root.setPropertyValue(name, value)
            except AttributeError:
                self._client.sim.output.write(
                    f'Window "{window.path}": no root container property '
                    f"{name!r} for the parameter\n",
                    is_error=True,
                )


def _walk(spec: ComponentSpec) -> Iterator[tuple[str, ComponentSpec]]:
    yield spec.path, spec
    for child in spec.components:
        yield from _walk(child)


def _unbind(window: VisionWindow) -> None:
    if window.bindings is not None:
        window.bindings.close()
    for query in window.query_bindings:
        query.stop()
    window.query_bindings.clear()


def _show_top_level(window: VisionWindow) -> None:
    window.widget.show()


def _take_place(window: VisionWindow, old: VisionWindow) -> None:
    """Put ``window``'s frame where ``old``'s is: maximized, or at its position.

    The new window keeps its own size (its content is laid out for it), moved
    back inside the desktop if it would stick out past the old one's place.
    """
    frame, old_frame = window.widget.parentWidget(), old.widget.parentWidget()
    if frame is None or old_frame is None:
        return  # top-level windows (headless): nothing to line up
    if old_frame.isMaximized():
        frame.showMaximized()
        return
    x, y = old_frame.x(), old_frame.y()
    if isinstance(frame, QMdiSubWindow) and frame.mdiArea() is not None:
        area = frame.mdiArea().contentsRect()  # its viewport, scroll bars aside
        x = max(0, min(x, area.width() - frame.width()))
        y = max(0, min(y, area.height() - frame.height()))
    frame.move(x, y)
