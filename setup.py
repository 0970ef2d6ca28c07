"""Packaging: one installed name, ``visionsim`` (docs/DESIGN.md section 1).

The repository keeps app/, runtime/, widgets/ and sample_projects/ at its top
level; installed, they are ``visionsim.app``, ``visionsim.runtime``,
``visionsim.widgets`` and the package data ``visionsim/sample_projects``.
Subpackages are found here, so a new one needs no edit of pyproject.toml.
``visionsim`` itself is a namespace package: the repository root's own files
(main.py, dev.py) are not installed.
"""

from setuptools import find_packages, setup

LAYERS = ("app", "runtime", "widgets")
packages = [
    f"visionsim.{name}"
    for name in find_packages(include=[f"{layer}*" for layer in LAYERS])
]

setup(
    package_dir={"visionsim": "."},
    packages=[*packages, "visionsim.sample_projects"],
    package_data={"visionsim.sample_projects": ["**/*"]},
)
