"""The Vision component base: guarded properties, events, the component tree.

A component is two objects: this script-facing facade (Ignition's property
names, ``parent``, ``getComponent``…) and the QWidget that draws it. The
facade keeps the property *values*; the widget only displays them. Every
property read and write, and every component method, asks the thread guard
first. On the GUI thread that is one thread-id comparison. On any other
thread it is a violation: a write is still applied — posted to the GUI thread,
the only thread that ever touches the QWidget — and a read returns the value
last published on the GUI thread, so a script's threading bug never crashes
the simulated client.
"""

from __future__ import annotations

import datetime
import functools
import sys
import threading
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QEvent, QObject, Qt

from visionsim.runtime import sources
from visionsim.runtime.colors import COLOR_PROPERTIES
from visionsim.runtime.vision_catalog import (
    CATALOG,
    MOUSE_EVENTS,
    ComponentType,
    nearest,
)
from visionsim.widgets.events import FocusEvent, MouseEvent, PropertyChangeEvent

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import CodeType, FrameType

    from PySide6.QtWidgets import QWidget

    from visionsim.runtime import ClientSession, GuiDispatcher
    from visionsim.runtime.project import ComponentSpec

_MISSING = object()
_INPUT_EVENTS = frozenset((*MOUSE_EVENTS, "focusGained", "focusLost"))
_SHOWN = ("visible", "enabled")


class ComponentEnv:
    """What every component of one open window shares.

    Parameters
    ----------
    client
        The client session whose scripts run here.
    window_path
        Script names start with it: ``Main/Root Container/Start.actionPerformed``.
    """

    def __init__(self, client: ClientSession, window_path: str) -> None:
        sim = client.sim
        self.client = client
        self.window_path = window_path
        self.window: object = None  # set by the window once built
        #: Set when the window closes: its components keep values, draw nothing.
        self.closed = False
        self.check: Callable[[str], None] = sim.guard.check
        self.dispatcher: GuiDispatcher = sim.dispatcher
        self.gui_ident = sim.dispatcher.gui_ident
        #: ``run_code(code, name, {"event": event})`` runs an event script.
        self.run_code = client.run_code
        #: Custom methods by component path, then name: ``fn(self, *args)``.
        self.methods: dict[str, dict[str, Callable[..., object]]] = {}

    def run_event(self, code: CodeType, name: str, event: object) -> None:
        """Run a compiled event script with ``event``. Thread: GUI only."""
        self.run_code(code, name, {"event": event})


class GuardedProperty:
    """A built-in Vision property: guarded read and write."""

    __slots__ = ("kind", "name", "read_what", "write_what")

    def __init__(self, type_name: str, name: str, kind: type) -> None:
        self.name = name
        self.kind = kind
        self.read_what = f"{type_name}.{name} read"
        self.write_what = f"{type_name}.{name} write"

    def __get__(self, obj: VisionComponent | None, owner: type) -> Any:
        if obj is None:
            return self
        obj._env.check(self.read_what)
        return obj._values[self.name]

    def __set__(self, obj: VisionComponent, value: object) -> None:
        obj._write(self.name, coerce(self.name, self.kind, value), self.write_what)


class VisionComponent:
    """Base of every Vision component facade (see :mod:`widgets.components`).

    Subclasses set ``TYPE`` (their catalog entry), build their widget in
    ``_create_widget`` and push property values into it in ``_render``.
    """

    TYPE: ClassVar[ComponentType]
    _PROPS: ClassVar[dict[str, GuardedProperty]]
    _env: ComponentEnv
    _parent: VisionComponent | None
    _children: list[VisionComponent]
    _values: dict[str, Any]
    _custom: dict[str, str]
    _scripts: dict[str, CodeType]
    _script_names: dict[str, str]
    _path: str
    widget: Any  # the QWidget subclass each component type builds
    __slots__ = (
        "__weakref__",
        "_children",
        "_custom",
        "_env",
        "_parent",
        "_path",
        "_script_names",
        "_scripts",
        "_values",
        "_watchers",
        "widget",
    )

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        type_name = cls.__name__
        if type_name not in CATALOG:
            return
        cls.TYPE = CATALOG[type_name]
        cls._PROPS = {}
        for spec in cls.TYPE.properties:
            prop = GuardedProperty(type_name, spec.name, spec.kind)
            setattr(cls, spec.name, prop)
            cls._PROPS[spec.name] = prop

    def __init__(
        self,
        spec: ComponentSpec,
        env: ComponentEnv,
        parent: VisionComponent | None,
        scripts: dict[str, CodeType],
    ) -> None:
        set_ = object.__setattr__
        set_(self, "_env", env)
        set_(self, "_parent", parent)
        set_(self, "_path", spec.path)
        set_(self, "_scripts", scripts)
        set_(self, "_script_names", {})
        set_(self, "_children", [])
        set_(self, "_watchers", [])
        values = {p.name: p.default for p in self.TYPE.properties}
        values["name"] = spec.name
        custom: dict[str, str] = {}
        for prop in spec.custom_properties.values():
            custom[prop.name] = prop.type
            values[prop.name] = convert_custom(prop.type, prop.value)
        values.update({k: self._from_spec(k, v) for k, v in spec.props.items()})
        set_(self, "_custom", custom)
        set_(self, "_values", values)
        set_(self, "widget", self._create_widget())
        if parent is not None:  # parented before anything can show it
            self.widget.setParent(parent.widget)
        self.widget.setGeometry(*spec.bounds)
        if scripts.keys() & _INPUT_EVENTS:
            relay = InputEventRelay(self)
            self.widget.installEventFilter(relay)
            self.widget.setAttribute(Qt.WidgetAttribute.WA_Hover, True)
        for name, value in values.items():
            # Only what differs from a fresh widget: a setVisible(True) on an
            # unparented widget would make it a native top-level window.
            if name in spec.props and not (name in _SHOWN and value is True):
                self._render(name, value)

    def _from_spec(self, name: str, value: object) -> object:
        """Turn a window.yaml value into the property value (Table data…)."""
        return value

    # -- the widget (subclasses) --------------------------------------------

    def _create_widget(self) -> QWidget:
        raise NotImplementedError

    def _render(self, name: str, value: object) -> None:
        """Show a property value in the widget. Thread: GUI only."""
        widget = self.widget
        if name == "visible":
            widget.setVisible(bool(value))
        elif name == "enabled":
            widget.setEnabled(bool(value))
        elif name == "toolTipText":
            widget.setToolTip(str(value))
        elif name in ("foreground", "background"):
            colors = {"foreground": "color", "background": "background-color"}
            rules = [
                f"{css}: {self._values[prop]};"
                for prop, css in colors.items()
                if self._values.get(prop)
            ]
            widget.setStyleSheet(" ".join(rules))

    # -- property writes ------------------------------------------------------

    def _write(self, name: str, value: object, what: str) -> None:
        env = self._env
        if threading.get_ident() == env.gui_ident:  # the guard would pass too
            self._apply(name, value, True)
        else:  # a violation, recorded; the change still happens, safely
            env.check(what)
            env.dispatcher.post(
                lambda: self._apply(name, value, True),
                0,
                _user_frame(),
                "off-thread property write",
            )

    def _apply(self, name: str, value: object, render: bool) -> None:
        """Store, show and announce a new value. Thread: GUI only."""
        values = self._values
        old = values.get(name, _MISSING)
        if old is value or (type(old) is type(value) and old == value):
            return  # Java beans only fire on a real change
        values[name] = value
        if render and not self._env.closed:  # a closed window's widgets are gone
            self._render(name, value)
        code = self._scripts.get("propertyChange")
        if code is not None:
            event = PropertyChangeEvent(self, name, value, old)
            script = self._script_names.get("propertyChange")
            if script is None:
                script = self._script_name("propertyChange")
            self._env.run_code(code, script, {"event": event}, trace=False)
        if self._watchers:
            for watcher in self._watchers:  # bindings (runtime.tags.bindings)
                watcher(name, value)

    def watch_properties(self, watcher: Callable[[str, object], None]) -> None:
        """Call ``watcher(name, value)`` after each property change (GUI thread)."""
        self._watchers.append(watcher)

    def _relay_inner(self, *inner: QWidget) -> None:
        """Clicks on inner widgets (a composite's parts) are this component's too."""
        relay = self.widget.findChild(InputEventRelay)
        if relay is not None:
            for part in inner:
                part.installEventFilter(relay)

    def _on_gui(self, fn: Callable[[], object]) -> None:
        """Run ``fn`` now on the GUI thread, or post it there from a worker."""
        if self._env.closed:
            return
        if threading.get_ident() == self._env.gui_ident:
            fn()
        else:
            self._env.dispatcher.post(fn, 0, _user_frame(), "off-thread call")

    def _fire(self, event_name: str, event: object) -> None:
        """Run this component's script for ``event_name``, if it has one."""
        code = self._scripts.get(event_name)
        if code is not None:
            self._env.run_event(code, self._script_name(event_name), event)

    def _script_name(self, event_name: str) -> str:
        names = self._script_names
        name = names.get(event_name)
        if name is None:
            name = names[event_name] = (
                f"{self._env.window_path}/{self._path}.{event_name}"
            )
        return name

    # -- custom properties ----------------------------------------------------

    def __getattr__(self, name: str) -> Any:
        # Only reached when normal lookup fails: custom properties.
        custom = object.__getattribute__(self, "_custom")
        if name in custom:
            self._env.check(f"{type(self).__name__}.{name} read")
            return self._values[name]
        method = self._env.methods.get(self._path, {}).get(name)
        if method is not None:  # a custom method: called with self, as in Vision
            return functools.partial(method, self)
        values = object.__getattribute__(self, "_values")
        if name in values:  # a stored Ignition property of a decoded window
            self._env.check(f"{type(self).__name__}.{name} read")
            return values[name]
        raise AttributeError(self._no_such(name))

    def __setattr__(self, name: str, value: object) -> None:
        prop = self._PROPS.get(name)
        if prop is not None:  # the common case first: a built-in property
            # prop.__set__ inlined: a Python call less per write (bench/components.py)
            self._write(name, coerce(name, prop.kind, value), prop.write_what)
        elif name in self._custom:
            what = f"{type(self).__name__}.{name} write"
            self._write(name, convert_custom(self._custom[name], value), what)
        elif name in self._values:  # a stored Ignition property (decoded window)
            self._write(name, value, f"{type(self).__name__}.{name} write")
        elif hasattr(type(self), name):
            object.__setattr__(self, name, value)
        else:
            raise AttributeError(self._no_such(name))

    def _no_such(self, name: str) -> str:
        choices = [*self.TYPE.property_names, *self._custom]
        return (
            f"{type(self).__name__} {self._values.get('name')!r} has no property "
            f"{name!r}{nearest(name, choices)}"
        )

    # -- the component API scripts call ---------------------------------------

    @property
    def parent(self) -> VisionComponent | None:
        """The container holding this component (None for the root)."""
        self._env.check(f"{type(self).__name__}.parent read")
        return self._parent

    def getComponent(self, name: str) -> VisionComponent | None:
        """The child called ``name``, or None."""
        self._env.check(f"{type(self).__name__}.getComponent()")
        for child in self._children:
            if child._values["name"] == name:
                return child
        return None

    def getComponents(self) -> list[VisionComponent]:
        """The children, in window order."""
        self._env.check(f"{type(self).__name__}.getComponents()")
        return list(self._children)

    def getPropertyValue(self, name: str) -> Any:
        """A built-in or custom property by name."""
        self._env.check(f"{type(self).__name__}.getPropertyValue()")
        if name not in self._values:
            raise AttributeError(self._no_such(name))
        return self._values[name]

    def setPropertyValue(self, name: str, value: object) -> None:
        """Set a built-in or custom property by name."""
        spec = self.TYPE.property(name)
        if spec is not None:
            value = coerce(name, spec.kind, value)
        elif name in self._custom:
            value = convert_custom(self._custom[name], value)
        else:
            raise AttributeError(self._no_such(name))
        self._write(name, value, f"{type(self).__name__}.setPropertyValue()")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._path!r}>"


def _user_frame() -> FrameType | None:
    """The innermost frame outside visionsim: the script line that called us."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None and sources.is_internal(frame.f_code.co_filename):
        frame = frame.f_back
    return frame


def coerce(name: str, kind: type, value: object) -> object:
    """Convert a script's value to the property's type, or raise TypeError.

    Numbers convert between int and float and to text; a bool property takes
    a bool (or 0/1); anything else of the wrong type is an error.
    """
    if kind is object or type(value) is kind:
        return value
    if kind is datetime.datetime and isinstance(value, datetime.datetime):
        return value  # a Java Date from system.date is a datetime subclass
    if kind is str and isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if kind is str and name in COLOR_PROPERTIES and hasattr(value, "getRGB"):
        return _css_color(value)  # a java.awt.Color (system.gui.color, Color.RED)
    if kind in (int, float) and isinstance(value, int | float):
        return kind(value)
    if kind is bool and value in (0, 1):
        return bool(value)
    raise TypeError(f"{name} must be {kind.__name__}, not {type(value).__name__}")


def _css_color(color: Any) -> str:
    """A java.awt.Color as ``#rrggbb``, or ``rgba(...)`` when not opaque."""
    red, green, blue = color.getRed(), color.getGreen(), color.getBlue()
    alpha = color.getAlpha()
    if alpha == 255:
        return f"#{red:02x}{green:02x}{blue:02x}"
    return f"rgba({red}, {green}, {blue}, {alpha})"


def convert_custom(type_name: str, value: object) -> object:
    """A custom property's value in its declared type."""
    if type_name == "dataset":
        from visionsim.widgets.dataset_support import to_dataset

        return to_dataset(value)
    kinds: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool}
    # Decoded projects have more types (date, color, object): kept as they are.
    return coerce("custom property", kinds.get(type_name, object), value)


_MOUSE = {
    QEvent.Type.MouseButtonPress: "mousePressed",
    QEvent.Type.MouseButtonRelease: "mouseReleased",
    QEvent.Type.MouseButtonDblClick: "mousePressed",
}
_BUTTONS = {
    Qt.MouseButton.LeftButton: 1,
    Qt.MouseButton.MiddleButton: 2,
    Qt.MouseButton.RightButton: 3,
}


class InputEventRelay(QObject):
    """Turns a widget's mouse and focus events into the component's scripts.

    Installed only on components that have such scripts. A release after a
    press on the same component is also a ``mouseClicked``, as in Swing.
    """

    def __init__(self, component: VisionComponent) -> None:
        super().__init__(component.widget)
        self._component = component
        self._click_count = 1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Translate, run the script, and let Qt handle the event as usual."""
        kind = event.type()
        component = self._component
        if kind in _MOUSE:
            self._click_count = 2 if kind == QEvent.Type.MouseButtonDblClick else 1
            component._fire(_MOUSE[kind], self._mouse_event(event, watched))
            if kind == QEvent.Type.MouseButtonRelease:
                component._fire("mouseClicked", self._mouse_event(event, watched))
        elif watched is not component.widget:
            pass  # an inner part (relay_inner): only its clicks are the component's
        elif kind == QEvent.Type.Enter:
            component._fire("mouseEntered", MouseEvent(component, 0, 0, 0, 0))
        elif kind == QEvent.Type.Leave:
            component._fire("mouseExited", MouseEvent(component, 0, 0, 0, 0))
        elif kind == QEvent.Type.FocusIn:
            component._fire("focusGained", FocusEvent(component))
        elif kind == QEvent.Type.FocusOut:
            component._fire("focusLost", FocusEvent(component))
        return False

    def _mouse_event(self, event: QEvent, watched: QObject) -> MouseEvent:
        pos = event.position()  # type: ignore[attr-defined]
        if watched is not self._component.widget:  # in the component's coordinates
            pos = watched.mapTo(self._component.widget, pos)  # type: ignore[attr-defined]
        mods = event.modifiers()  # type: ignore[attr-defined]
        keys = Qt.KeyboardModifier
        return MouseEvent(
            self._component,
            int(pos.x()),
            int(pos.y()),
            _BUTTONS.get(event.button(), 0),  # type: ignore[attr-defined]
            self._click_count,
            altDown=bool(mods & keys.AltModifier),
            controlDown=bool(mods & keys.ControlModifier),
            shiftDown=bool(mods & keys.ShiftModifier),
            metaDown=bool(mods & keys.MetaModifier),
            popupTrigger=event.button() == Qt.MouseButton.RightButton,  # type: ignore[attr-defined]
        )
