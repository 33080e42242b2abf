"""Discovery of the generated packages that the proof tests prove.

Used by test_generated.py (in-process, on SQLite) and test_migrations.py
(Alembic and the sessions, as subprocesses, on SQLite and PostgreSQL).

SQLAGEN_PROOF_DIRS holds an os.pathsep-separated list of directories. Each
directory holds exactly one generated package (a subdirectory with an
``__init__.py``), and package names are unique across all directories.

Every test that takes the ``proof_target`` argument is parametrized with one
entry per package (test id = package name). A missing or malformed setting
does not skip anything: it becomes a single ``ProofConfigProblem`` target whose
tests FAIL with the explanation, so a misconfigured CI run can never go green
by testing nothing.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ENV_VAR = "SQLAGEN_PROOF_DIRS"

# Importing the packages under test must not leave __pycache__ directories in
# the generator's output (or in this source tree).
sys.dont_write_bytecode = True


@dataclass(frozen=True)
class ProofPackage:
    """One generated package: its import name and the directory holding it."""

    name: str
    directory: Path


@dataclass(frozen=True)
class ProofConfigProblem:
    """Why no package could be discovered; tests fail with this message."""

    message: str


ProofTarget = ProofPackage | ProofConfigProblem


def discover_packages(raw: str | None) -> list[ProofPackage]:
    """Parse the env var value; raise ValueError with every problem found."""
    if raw is None or not raw.strip():
        raise ValueError(
            f"{ENV_VAR} is not set or empty: set it to an os.pathsep "
            f"({os.pathsep!r}) separated list of directories, each holding "
            "exactly one generated package"
        )
    problems: list[str] = []
    packages: list[ProofPackage] = []
    seen: dict[str, Path] = {}
    # Empty entries (e.g. a trailing separator) are tolerated, not errors.
    for entry in (part for part in raw.split(os.pathsep) if part.strip()):
        directory = Path(entry).resolve()
        if not directory.is_dir():
            problems.append(f"{entry!r} is not a directory")
            continue
        candidates = sorted(
            child.name
            for child in directory.iterdir()
            if child.is_dir() and (child / "__init__.py").is_file()
        )
        if len(candidates) != 1:
            problems.append(
                f"{entry!r} must hold exactly one package (a subdirectory "
                f"with __init__.py), found {len(candidates)}: {candidates}"
            )
            continue
        name = candidates[0]
        if not name.isidentifier():
            problems.append(f"package {name!r} in {entry!r} is not importable")
        elif name in seen:
            problems.append(
                f"package {name!r} appears in both {str(seen[name])!r} and "
                f"{entry!r}; names must be unique"
            )
        else:
            seen[name] = directory
            packages.append(ProofPackage(name=name, directory=directory))
    if problems:
        raise ValueError(f"bad {ENV_VAR}: " + "; ".join(problems))
    return packages


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "proof_target" not in metafunc.fixturenames:
        return
    targets: list[ProofTarget]
    try:
        packages = discover_packages(os.environ.get(ENV_VAR))
        targets = list(packages)
        ids = [package.name for package in packages]
    except ValueError as exc:
        targets = [ProofConfigProblem(str(exc))]
        ids = [ENV_VAR]
    metafunc.parametrize("proof_target", targets, ids=ids)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say loudly, on stderr too, when the PostgreSQL proofs were skipped."""
    # Imported here: proof_databases is a helper of test_migrations.py, and
    # this hook runs after the tests.
    from proof_databases import POSTGRES_NOT_TESTED

    for message in POSTGRES_NOT_TESTED:
        terminalreporter.write_sep("!", "WARNING: PostgreSQL was NOT tested", red=True)
        terminalreporter.write_line(message, red=True, bold=True)
        print(f"WARNING: {message}", file=sys.stderr, flush=True)
