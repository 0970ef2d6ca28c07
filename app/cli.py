"""The command line (docs/DESIGN.md section 4): the desktop app or ``run SCRIPT.py``."""

from __future__ import annotations

import argparse
import dataclasses
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from visionsim.runtime import Project

EXIT_USAGE = 4
MAX_TIMEOUT_S = 7 * 24 * 3600.0
DEFAULT_PROJECT = (
    Path(__file__).resolve().parent.parent / "sample_projects" / ("ThreadingBasics")
)


class UsageError(Exception):
    """Bad command-line usage (exit code 4)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


@dataclass(frozen=True, slots=True)
class RunOptions:
    """Options of ``main.py run``."""

    script: Path
    project: Path = DEFAULT_PROJECT
    scope: str = "client"
    timeout: float = 30.0
    strict: bool = False
    answers: dict[str, str] = field(default_factory=dict)
    remotes: dict[str, Path] = field(default_factory=dict)
    databases: dict[str, str] = field(default_factory=dict)
    show_threads: bool = False
    trace: Path | None = None
    tags: dict[str, Path] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """Options of ``main.py check``."""

    project: Path = DEFAULT_PROJECT
    as_json: bool = False


@dataclass(frozen=True, slots=True)
class AppOptions:
    """Options of the desktop app."""

    project: Path = DEFAULT_PROJECT
    remotes: dict[str, Path] = field(default_factory=dict)
    tags: dict[str, Path] = field(default_factory=dict)
    databases: dict[str, str] = field(default_factory=dict)


def apply_overrides(project: Project, options: RunOptions | AppOptions) -> Project:
    """``project`` with the command line's ``--tags`` and ``--db`` on top."""
    if not options.tags and not options.databases:
        return project
    config = project.config.override(options.tags, options.databases)
    return dataclasses.replace(project, config=config)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for both forms of the command."""
    parser = _Parser(
        prog="visionsim",
        description="Simulate an Ignition Vision client and its gateway.",
        epilog="Run 'visionsim run --help' for the headless runner.",
    )
    _common(parser)
    sub = parser.add_subparsers(dest="command", metavar="{run,check}")
    run = sub.add_parser(
        "run",
        help="run one script headless, wait until idle, exit",
        description="Run SCRIPT.py like the Script Console would, keep the "
        "event loop going until the simulation is idle, and exit with 0 (ok), "
        "1 (uncaught error), 2 (thread violation with --strict), 3 (still "
        "busy at the timeout) or 4 (bad usage or project).",
    )
    run.add_argument("script", type=Path, metavar="SCRIPT.py")
    _common(run, default=argparse.SUPPRESS)  # do not undo options given first
    run.add_argument("--scope", choices=("client", "gateway"), default="client")
    run.add_argument("--timeout", type=_seconds, default=30.0, metavar="SECONDS")
    run.add_argument(
        "--strict",
        action="store_true",
        help="a thread violation fails the run (exit 2)",
    )
    run.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="KIND=VALUE",
        help="answer for dialogs, e.g. confirm=yes, input=abc",
    )
    run.add_argument(
        "--show-threads",
        action="store_true",
        help="prefix each printed line with its thread's name",
    )
    run.add_argument(
        "--trace",
        type=Path,
        metavar="FILE.json",
        help="write the timeline as Chrome-trace JSON (open it in Perfetto)",
    )
    check = sub.add_parser(
        "check",
        help="load every resource, build every window, compile every script",
        description="Load the whole project (YAML or Ignition's binary "
        "resources), build every window and template headless, compile every "
        "script and report what visionsim simulates; exit 0 (all loaded and "
        "compiled), 1 (something did not) or 4 (unreadable project).",
    )
    check.add_argument("--project", type=Path, default=argparse.SUPPRESS, metavar="DIR")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def _common(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--project",
        type=Path,
        default=default,
        metavar="DIR",
        help=f"project folder (default: {DEFAULT_PROJECT.name})",
    )
    parser.add_argument(
        "--remote",
        action="append",
        default=[] if default is None else default,
        metavar="NAME=DIR",
        help="a named gateway on the Gateway Network hosting DIR",
    )
    parser.add_argument(
        "--tags",
        action="append",
        default=[] if default is None else default,
        metavar="[PROVIDER=]FILE.json",
        help="a tag provider from Ignition's tag export JSON (default: 'default'); "
        "overrides visionsim.yaml",
    )
    parser.add_argument(
        "--db",
        action="append",
        default=[] if default is None else default,
        metavar="NAME=URL",
        help="datasource NAME at an SQLAlchemy URL (overrides visionsim.yaml)",
    )


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a finite number above 0: {text}")
    if value > MAX_TIMEOUT_S:
        raise argparse.ArgumentTypeError(
            f"at most {MAX_TIMEOUT_S:g} seconds (a week), not {text}"
        )
    return value


def _pairs(items: list[str], what: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise UsageError(f"{what} must look like NAME=VALUE, got {item!r}")
        out[key] = value
    return out


def _tag_files(items: list[str]) -> dict[str, Path]:
    out: dict[str, Path] = {}
    for item in items:
        provider, sep, file = item.partition("=")
        if not sep:
            provider, file = "default", item
        if not provider or not file:
            raise UsageError(
                f"--tags must look like [PROVIDER=]FILE.json, got {item!r}"
            )
        out[provider] = Path(file)
    return out


def parse(argv: list[str]) -> RunOptions | AppOptions | CheckOptions:
    """Parse ``argv`` (without the program name); exits 4 on bad usage."""
    parser = build_parser()
    ns = parser.parse_args(argv)
    try:
        remote_args = getattr(ns, "remote", None) or []
        remotes = {k: Path(v) for k, v in _pairs(remote_args, "--remote").items()}
        project = getattr(ns, "project", None) or DEFAULT_PROJECT
        tags = _tag_files(getattr(ns, "tags", None) or [])
        databases = _pairs(getattr(ns, "db", None) or [], "--db")
        if ns.command == "check":
            return CheckOptions(project=project, as_json=ns.json)
        if ns.command == "run":
            return RunOptions(
                script=ns.script,
                project=project,
                scope=ns.scope,
                timeout=ns.timeout,
                strict=ns.strict,
                answers=_pairs(ns.answer, "--answer"),
                remotes=remotes,
                databases=databases,
                show_threads=ns.show_threads,
                trace=ns.trace,
                tags=tags,
            )
    except UsageError as exc:
        parser.error(str(exc))
    return AppOptions(project=project, remotes=remotes, tags=tags, databases=databases)


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``main.py`` and the ``visionsim`` console script."""
    options = parse(sys.argv[1:] if argv is None else argv)
    if isinstance(options, CheckOptions):
        from visionsim.app.check import run_check

        return run_check(options.project, options.as_json)
    if isinstance(options, RunOptions):
        from visionsim.app.supervisor import DEADLINE_SLACK_S, supervise

        supervise(options.timeout + DEADLINE_SLACK_S)  # before any thread starts
        from visionsim.app.runner import exit_now_if_threads_linger, run_headless

        code = run_headless(options)
        exit_now_if_threads_linger(code)
        return code
    from visionsim.app.desktop import run_desktop

    return run_desktop(options)
