"""Dataset-valued properties: window.yaml's ``{columns, rows}`` become Datasets."""

from __future__ import annotations

from typing import ClassVar

from visionsim.widgets.component import VisionComponent
from visionsim.widgets.dataset_support import to_dataset


class DatasetProps(VisionComponent):
    """A component whose ``_DATASETS`` properties always hold a Dataset (or None)."""

    __slots__ = ()
    _DATASETS: ClassVar[tuple[str, ...]] = ()

    def _from_spec(self, name: str, value: object) -> object:
        return to_dataset(value) if name in self._DATASETS else value

    def _write(self, name: str, value: object, what: str) -> None:
        if name in self._DATASETS:
            value = to_dataset(value)
        super()._write(name, value, what)
