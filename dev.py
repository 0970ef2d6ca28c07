"""Set up visionsim (system libraries, .venv, editable install), then run it."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

MIN_PYTHON = (3, 11)
ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
VENV_PY = VENV / "bin" / "python"
STAMP = VENV / ".visionsim-stamp"
PACKAGES = ("app", "runtime", "widgets")
# docs/DESIGN.md section 3: what offscreen Qt needs; what a real window under Xvfb adds.
QT_LIBS = [
    *("libglib2.0-0", "libgl1", "libegl1", "libx11-6", "libdbus-1-3"),
    *("libfontconfig1", "libfreetype6", "libxkbcommon0", "fonts-dejavu-core"),
]
XVFB_LIBS = [
    *("xvfb", "xauth", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0"),
    *("libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0"),
    *("libxcb-xkb1", "libxkbcommon-x11-0"),
]
USAGE = """usage:
  python3 dev.py app [ARGS...]    set up, then run main.py ARGS...
  python3 dev.py test [ARGS...]   set up, then run pytest ARGS... with offscreen Qt
  python3 dev.py setup [--xvfb]   set up only; --xvfb (or VISIONSIM_XVFB=1) also
                                  installs the Xvfb libraries used for screenshots"""


def say(msg: str) -> None:
    """Print one status line."""
    print(f"visionsim: {msg}", flush=True)


def fail(msg: str) -> None:
    """Print an error and exit with status 1."""
    print(f"visionsim: error: {msg}", file=sys.stderr, flush=True)
    sys.exit(1)


def missing_debs(pkgs: list[str]) -> list[str] | None:
    """Return the packages dpkg does not list as installed, or None without dpkg."""
    if shutil.which("dpkg-query") is None:
        return None
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${Status}\n", *pkgs],
        capture_output=True,
        text=True,
    ).stdout
    ok = {ln.split()[0] for ln in out.splitlines() if ln.endswith(" ok installed")}
    return [p for p in pkgs if p not in ok]


def apt_install(pkgs: list[str], why: str) -> None:
    """Install Debian packages with apt-get as root, or explain how and exit 1."""
    cmd = ["apt-get", "install", "-y", "--no-install-recommends", *pkgs]
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        need = " ".join(pkgs)
        fail(f"{why} missing: {need}\n  install with:  sudo {' '.join(cmd)}")
    say(f"installing {why}: {' '.join(pkgs)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for step in (["apt-get", "update", "-q"], [*cmd[:2], "-q", *cmd[2:]]):
        if subprocess.run(step, env=env).returncode != 0:
            fail(f"`{' '.join(step)}` failed; fix apt (see above), then rerun")


def ensure_system_libs(xvfb: bool) -> None:
    """Make sure the Qt (and optionally Xvfb) Debian packages are installed."""
    pkgs = QT_LIBS + XVFB_LIBS if xvfb else QT_LIBS
    missing = missing_debs(pkgs)
    if missing is None:
        say("note: no dpkg-query (not Debian?); not checking Qt system libraries")
    elif missing:
        apt_install(missing, "Qt system libraries")
        still = missing_debs(missing)
        if still:
            fail(f"still not installed after apt-get: {' '.join(still)}")


def venv_version() -> str | None:
    """Return the venv interpreter's version string, or None if it does not run."""
    if not VENV_PY.exists():
        return None
    cmd = [str(VENV_PY), "-c", "import sys; print(sys.version)"]
    res = subprocess.run(cmd, capture_output=True, text=True)
    return res.stdout.strip() if res.returncode == 0 else None


def create_venv(clear: bool) -> None:
    """Create .venv with this interpreter, installing python3-venv if needed."""
    cmd = [sys.executable, "-m", "venv", *(["--clear"] if clear else []), str(VENV)]
    system_py = Path(sys.executable).resolve().is_relative_to("/usr/bin")
    for attempt in (1, 2):
        res = subprocess.run(cmd, capture_output=True, text=True)
        if res.returncode == 0:
            return
        shutil.rmtree(VENV, ignore_errors=True)  # no half-made venv for the next run
        if "ensurepip" not in res.stdout + res.stderr or not system_py:
            break
        if attempt == 1:
            apt_install(["python3-venv"], "Python venv support (ensurepip)")
    print((res.stdout + res.stderr).rstrip(), file=sys.stderr)
    hint = "install python3-venv" if system_py else "use a Python with venv+ensurepip"
    fail(f"`{' '.join(cmd)}` failed (see above); {hint}")


def ensure_venv() -> str:
    """Make sure .venv exists and runs; return its Python version."""
    version = venv_version()
    if version is None:
        rebuild = VENV.exists()
        say("recreating .venv (its Python fails)" if rebuild else "creating .venv")
        create_venv(clear=rebuild)
        version = venv_version()
        if version is None:
            fail(f"{VENV_PY} does not run after creating the venv; delete .venv, rerun")
    return version


def ensure_deps(version: str) -> None:
    """Run `pip install -e .[test]` unless the stamp says nothing changed."""
    files = (ROOT / "pyproject.toml", ROOT / "setup.py")
    digest = hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()
    want = f"{digest} {version}\n"
    if STAMP.exists() and STAMP.read_text() == want:
        return
    why = "first run only"
    if STAMP.exists():
        why = "pyproject.toml, setup.py or Python changed"
    say(f"installing Python dependencies ({why})…")
    pip = [str(VENV_PY), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    if subprocess.run([*pip, "-e", ".[test]"], cwd=ROOT).returncode != 0:
        fail("pip install -e '.[test]' failed (see above); fix it, then rerun setup")
    STAMP.write_text(want)


def ensure_bytecode() -> None:
    """Byte-compile visionsim's packages, as pip does for installed packages.

    An editable install leaves that to the first import, and where
    PYTHONDONTWRITEBYTECODE is set (some containers set it) every start then
    compiles all of visionsim: about 70 ms of a 250 ms start. compileall writes
    the gitignored __pycache__ regardless and skips files already up to date.
    Silent and never fatal: a file that does not compile is reported, with its
    line, by the import that needs it.
    """
    cmd = [str(VENV_PY), "-m", "compileall", "-qq", *PACKAGES]
    subprocess.run(cmd, cwd=ROOT, check=False)


def ensure_typing_view() -> None:
    """Lay out .venv/typing/visionsim/{app,runtime,widgets} for mypy.

    The editable install maps ``visionsim.app`` to ./app through an import
    hook, which mypy cannot follow; symlinks give it the installed names
    (pyproject.toml's ``mypy_path``). Cheap, so refreshed on every run.
    """
    view = VENV / "typing" / "visionsim"
    view.mkdir(parents=True, exist_ok=True)
    for name in PACKAGES:
        link = view / name
        if not link.is_symlink() or link.resolve() != ROOT / name:
            link.unlink(missing_ok=True)
            link.symlink_to(ROOT / name, target_is_directory=True)


def setup(xvfb: bool) -> None:
    """Run every set-up step; each is skipped quickly when already done."""
    ensure_system_libs(xvfb or os.environ.get("VISIONSIM_XVFB") == "1")
    ensure_deps(ensure_venv())
    ensure_bytecode()
    ensure_typing_view()


def main(argv: list[str]) -> None:
    """Dispatch `app`, `test` or `setup`."""
    if sys.version_info < MIN_PYTHON:
        need = ".".join(map(str, MIN_PYTHON))
        have = f"{sys.version.split()[0]} ({sys.executable})"
        sys.exit(f"visionsim: error: dev.py needs Python >= {need}; this is {have}")
    cmd, args = (argv[0], argv[1:]) if argv else ("", [])
    if cmd == "setup" and set(args) <= {"--xvfb"}:
        setup(xvfb=bool(args))
    elif cmd == "app":
        setup(xvfb=False)
        os.execv(VENV_PY, [str(VENV_PY), str(ROOT / "main.py"), *args])
    elif cmd == "test":
        setup(xvfb=False)
        os.chdir(ROOT)  # pytest config and test paths are relative to the repo root
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        os.execve(VENV_PY, [str(VENV_PY), "-m", "pytest", *args], env)
    else:
        print(USAGE, file=sys.stderr)
        sys.exit(0 if cmd in ("-h", "--help", "help") else 2)


if __name__ == "__main__":
    main(sys.argv[1:])
