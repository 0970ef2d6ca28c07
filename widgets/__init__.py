"""Vision components (Label, Button, Table…), windows and the window manager."""

from __future__ import annotations

from visionsim.widgets.component import ComponentEnv, VisionComponent
from visionsim.widgets.components import (
    Button,
    CheckBox,
    Container,
    Label,
    NumericTextField,
    ProgressBar,
    RootContainer,
    Table,
    TextArea,
    TextField,
)
from visionsim.widgets.events import (
    ActionEvent,
    FocusEvent,
    MouseEvent,
    PropertyChangeEvent,
    WindowEvent,
)
from visionsim.widgets.placeholder import Placeholder
from visionsim.widgets.window import VisionWindow, WindowManager

__all__ = [
    "ActionEvent",
    "Button",
    "CheckBox",
    "ComponentEnv",
    "Container",
    "FocusEvent",
    "Label",
    "MouseEvent",
    "NumericTextField",
    "Placeholder",
    "ProgressBar",
    "PropertyChangeEvent",
    "RootContainer",
    "Table",
    "TextArea",
    "TextField",
    "VisionComponent",
    "VisionWindow",
    "WindowEvent",
    "WindowManager",
]
