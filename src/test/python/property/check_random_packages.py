"""Property checks of sqlagen packages generated from random schemas (RandomSchemasIT).

Usage: python check_random_packages.py DIR...

Each DIR holds one generated package (``rs_<seed>``), ``schema.sqd`` and
``expect.jsonl`` (what RandomSchema.java says the package must hold). For every
package, in this one process (so 200 schemas stay fast):

1. the modules parse (ast) and have the expected structure: one class per model
   and enum, the expected attributes on each model;
2. every emitted literal evaluates back to the original value: Python-side
   defaults (``Column.default.arg``), ``server_default`` text, column and table
   comments, column names, ``__tablename__``, class docstrings (``__doc__``) and
   attribute docstrings (from the ast), docstrings compared up to the documented
   wrapping (words split at spaces, tabs as spaces, lines re-wrapped);
3. the package imports without warnings and its mappers configure;
4. the proof of test_generated.py on SQLite: create_all, a full and a minimal
   round trip of every model (GraphBuilder), and every one-to-many pair;
5. ``alembic upgrade head``, ``alembic check`` and ``alembic downgrade base`` on
   a fresh SQLite file, in-process through alembic.command.

Prints one line per failing package (with the seed and path to replay) and a
summary; exits 1 if any package failed.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import logging
import os
import re
import sys
import tempfile
import time
import traceback
import warnings
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # test_generated.py, conftest.py
sys.dont_write_bytecode = True

import test_generated as proof  # noqa: E402
from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402
from conftest import ProofPackage  # noqa: E402
from sqlalchemy import create_engine, event, inspect  # noqa: E402
from sqlalchemy.pool import StaticPool  # noqa: E402


class CheckFailedError(Exception):
    pass


def fail(message: str) -> None:
    raise CheckFailedError(message)


def words(text: str) -> list[str]:
    """A docstring's words: the documented wrapping only moves spaces and newlines."""
    return [w for w in re.split(r"[ \t\n]+", text) if w]


# ---------------------------------------------------------------- structure


def parse_modules(pkg_dir: Path) -> dict[str, ast.Module]:
    modules = {}
    for path in sorted(pkg_dir.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        try:
            modules[str(path.relative_to(pkg_dir))] = ast.parse(source, str(path))
        except SyntaxError as exc:
            fail(f"{path} does not parse: {exc}")
    return modules


def class_info(tree: ast.Module) -> dict[str, dict[str, Any]]:
    """Top-level classes: their attribute names (in order) and attribute docstrings."""
    classes: dict[str, dict[str, Any]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        attrs: list[str] = []
        docs: dict[str, str] = {}
        previous: str | None = None
        for stmt in node.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                previous = stmt.target.id
                attrs.append(previous)
                continue
            if (
                previous is not None
                and isinstance(stmt, ast.Expr)
                and isinstance(stmt.value, ast.Constant)
                and isinstance(stmt.value.value, str)
            ):
                docs[previous] = stmt.value.value
            previous = None
        classes[node.name] = {"attrs": attrs, "docs": docs}
    return classes


# ---------------------------------------------------------------- expectations


def check_expectations(
    loaded: proof.LoadedPackage,
    expectations: list[dict[str, Any]],
    classes: dict[str, Any],
) -> None:
    module = loaded.module
    problems: list[str] = []

    def cls(name: str) -> Any:
        found = getattr(module, name, None)
        if found is None:
            fail(f"class {name} is not exported")
        return found

    def column(model: str, attr: str) -> Any:
        mapper = inspect(cls(model))
        return mapper.column_attrs[attr].columns[0]

    for e in expectations:
        kind, model, field = e["kind"], e["model"], e["field"]
        where = f"{model}.{field}" if field else model
        value = e.get("value")
        try:
            if kind == "table":
                got = cls(model).__tablename__
                if got != e["name"]:
                    problems.append(f"{where}: __tablename__ {got!r} != {e['name']!r}")
            elif kind == "attributes":
                expected = sorted(e["names"].split(","))
                got = sorted(classes[model]["attrs"])
                if got != expected:
                    problems.append(f"{where}: attributes {got} != {expected}")
            elif kind == "column" and "name" in e:
                got = column(model, field).name
                if got != e["name"]:
                    problems.append(f"{where}: column name {got!r} != {e['name']!r}")
            elif kind == "column" and "nullable" in e:
                got = column(model, field).nullable
                if got != (e["nullable"] == "true"):
                    problems.append(f"{where}: nullable {got!r}")
            elif kind == "reference":
                rel = inspect(cls(model)).relationships[field]
                if "fk" in e:
                    fk_cols = sorted(c.name for c in rel.local_columns)
                    if fk_cols != sorted(e["fk"].split(",")):
                        problems.append(f"{where}: FK columns {fk_cols} != {e['fk']!r}")
                elif "ondelete" in e:
                    actions = {
                        fk.ondelete or ""
                        for c in rel.local_columns
                        for fk in c.foreign_keys
                    }
                    if actions != {e["ondelete"]}:
                        problems.append(f"{where}: ondelete {actions} != {e['ondelete']!r}")
                elif "lazy" in e:
                    if rel.lazy != e["lazy"]:
                        problems.append(f"{where}: lazy {rel.lazy!r} != {e['lazy']!r}")
                elif "back_populates" in e:
                    if (rel.back_populates or "") != e["back_populates"]:
                        problems.append(
                            f"{where}: back_populates {rel.back_populates!r} "
                            f"!= {e['back_populates']!r}"
                        )
                elif "nullable" in e:
                    nullable = all(c.nullable for c in rel.local_columns)
                    if nullable != (e["nullable"] == "true"):
                        problems.append(f"{where}: FK nullable {nullable}")
            elif kind in ("collection", "scalar_side", "many_to_many"):
                rel = inspect(cls(model)).relationships[field]
                if rel.back_populates != e["back_populates"]:
                    problems.append(f"{where}: back_populates {rel.back_populates!r}")
                if rel.uselist != (kind != "scalar_side"):
                    problems.append(f"{where}: uselist {rel.uselist!r} for a {kind}")
                if (rel.secondary is not None) != (kind == "many_to_many"):
                    problems.append(f"{where}: secondary {rel.secondary!r} for a {kind}")
            elif kind == "default_str":
                got = column(model, field).default.arg
                if type(got) is not str or got != value:
                    problems.append(f"{where}: default {got!r} != {value!r}")
            elif kind == "default_int":
                got = column(model, field).default.arg
                if type(got) is not int or got != int(value):
                    problems.append(f"{where}: default {got!r} != {value}")
            elif kind == "default_python_int":
                col = column(model, field)
                got = col.default.arg if col.default is not None else None
                if type(got) is not int or got != int(value):
                    problems.append(f"{where}: default {got!r} != {value}")
                if col.server_default is not None:
                    problems.append(f"{where}: python() has {col.server_default!r}")
            elif kind == "server_default_per_database":
                sd = column(model, field).server_default
                got = getattr(getattr(sd, "arg", None), "sql", None)
                if got != {"postgresql": value, "sqlite": value}:
                    problems.append(f"{where}: server_default {got!r} != {value!r}")
            elif kind == "default_float":
                got = column(model, field).default.arg
                if type(got) is not float or got != float(value):
                    problems.append(f"{where}: default {got!r} != float {value}")
            elif kind == "default_decimal":
                got = column(model, field).default.arg
                if type(got) is not Decimal or got != Decimal(value):
                    problems.append(f"{where}: default {got!r} != Decimal {value}")
            elif kind == "default_bool":
                got = column(model, field).default.arg
                if got is not (value == "true"):
                    problems.append(f"{where}: default {got!r} != {value}")
            elif kind == "default_enum":
                got = column(model, field).default.arg
                if getattr(got, "value", None) != value:
                    problems.append(f"{where}: default {got!r} != member {value!r}")
            elif kind == "default_callable":
                default = column(model, field).default
                if default is None or not default.is_callable:
                    problems.append(f"{where}: default {default!r} is not uuid4")
            elif kind == "server_default":
                sd = column(model, field).server_default
                got = getattr(getattr(sd, "arg", None), "text", None)
                if got != value:
                    problems.append(f"{where}: server_default {got!r} != {value!r}")
            elif kind == "server_default_now":
                sd = column(model, field).server_default
                if sd is None:
                    problems.append(f"{where}: no server_default")
            elif kind == "doc_model":
                c = cls(model)
                if c.__table__.comment != value:
                    problems.append(
                        f"{where}: table comment {c.__table__.comment!r} != {value!r}"
                    )
                if words(c.__doc__ or "") != words(value):
                    problems.append(f"{where}: docstring {c.__doc__!r} != {value!r}")
            elif kind == "doc_enum":
                c = cls(model)
                if words(c.__doc__ or "") != words(value):
                    problems.append(f"{where}: docstring {c.__doc__!r} != {value!r}")
            elif kind == "doc_field":
                mapper = inspect(cls(model))
                if field in mapper.column_attrs:
                    got = mapper.column_attrs[field].columns[0].comment
                    if got != value:
                        problems.append(f"{where}: comment {got!r} != {value!r}")
                doc = classes[model]["docs"].get(field)
                if doc is None or words(doc) != words(value):
                    problems.append(
                        f"{where}: attribute docstring {doc!r} != {value!r}"
                    )
            else:
                problems.append(f"unknown expectation {e}")
        except CheckFailedError:
            raise
        except Exception as exc:  # a missing attribute is a finding, not a crash
            problems.append(f"{where} ({kind}): {exc!r}")
    if problems:
        fail("expectations:\n    " + "\n    ".join(problems))


# ---------------------------------------------------------------- proof runs


def fresh_engine() -> Any:
    engine = create_engine("sqlite://", poolclass=StaticPool)
    event.listen(engine, "connect", proof._enable_sqlite_foreign_keys)
    return engine


def run_proof(target: ProofPackage) -> None:
    for test in (
        proof.test_import_and_configure,
        proof.test_create_all,
        proof.test_round_trip_every_model,
        proof.test_defaults_fill_omitted_columns,
        proof.test_one_to_many_back_populates,
    ):
        engine = fresh_engine()
        try:
            if test is proof.test_import_and_configure:
                test(target)
            else:
                test(target, engine)
        except BaseException as exc:  # pytest.fail raises a BaseException
            if isinstance(exc, KeyboardInterrupt):
                raise
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            fail(f"{test.__name__}: {detail}")
        finally:
            engine.dispose()


def run_alembic(name: str, pkg_dir: Path, workdir: Path) -> None:
    database = workdir / f"{name}.db"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    # env.py reads DATABASE_URL when it runs; alembic.ini's logging is muted by
    # logging.disable() in main().
    config = Config(str(pkg_dir / "alembic.ini"), stdout=io.StringIO())
    step = "upgrade head"
    try:
        command.upgrade(config, "head")
        step = "check"
        command.check(config)
        step = "downgrade base"
        command.downgrade(config, "base")
    except Exception as exc:
        fail(f"alembic {step}: {exc!r}")
    engine = create_engine(f"sqlite:///{database}")
    try:
        left = sorted(set(inspect(engine).get_table_names()) - {"alembic_version"})
    finally:
        engine.dispose()
    if left:
        fail(f"alembic downgrade base left tables {left}")


def check_package(container: Path, workdir: Path) -> tuple[str, float]:
    start = time.perf_counter()
    pkg_dir = next(
        p for p in sorted(container.iterdir()) if (p / "__init__.py").is_file()
    )
    name = pkg_dir.name
    expectations = [
        json.loads(line)
        for line in (container / "expect.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
        if line.strip()
    ]
    modules = parse_modules(pkg_dir)
    classes = class_info(modules["models.py"])
    models = sorted({e["model"] for e in expectations if e["kind"] == "table"})
    missing = [m for m in models if m not in classes]
    if missing:
        fail(f"models.py lacks classes {missing}")
    target = ProofPackage(name=name, directory=container)
    run_proof(target)
    loaded = proof.load_package(target)
    check_expectations(loaded, expectations, classes)
    run_alembic(name, pkg_dir, workdir)
    return name, time.perf_counter() - start


def check_one(container_and_workdir: tuple[str, str]) -> str | None:
    """None if the package passes, else the report line (with the seed to replay)."""
    raw, workdir = container_and_workdir
    container = Path(raw).resolve()
    try:
        check_package(container, Path(workdir))
    except CheckFailedError as exc:
        seed = container.name.removeprefix("rs_")
        return (
            f"FAIL seed {seed} ({container / 'schema.sqd'}; replay: "
            f"-Dsqlagen.seed={seed}): {exc}"
        )
    except Exception:
        return f"FAIL {container}:\n{traceback.format_exc()}"
    return None


def main(argv: list[str]) -> int:
    logging.disable(logging.WARNING)
    warnings.simplefilter("default")
    # Packages are independent: check them in JOBS forked workers (default: the CPU
    # count, at most 2), each importing its share into one interpreter.
    jobs = int(os.environ.get("SQLAGEN_PROPERTY_JOBS", min(2, os.cpu_count() or 1)))
    started = time.perf_counter()
    failures = 0
    with tempfile.TemporaryDirectory(prefix="sqlagen-random-") as tmp:
        work = [(raw, tmp) for raw in argv]
        if jobs > 1 and len(work) > 1:
            import multiprocessing

            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                results = list(pool.imap(check_one, work, chunksize=1))
        else:
            results = [check_one(item) for item in work]
    for result in results:
        if result is not None:
            failures += 1
            print(result, flush=True)
    elapsed = time.perf_counter() - started
    print(
        f"checked {len(argv)} packages, {failures} failed, in {elapsed:.1f}s "
        f"({jobs} worker(s))",
        flush=True,
    )
    return 1 if failures else 0


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        sys.exit(main(sys.argv[1:]))
