"""Zero drift on real schemas: the corpus of src/test/resources/corpus/ (see its README.md).

Run by CorpusIT (failsafe), not by pytest (the name does not match test_*.py). For every entry
given on the command line (a JSON file written by CorpusIT, see ``Entry``):

1. a fresh database is made from the entry's ORIGINAL DDL (PostgreSQL: ``psql -v
   ON_ERROR_STOP=1 -f``; SQLite: the sqlite3 module's executescript);
2. ``alembic stamp head`` then ``alembic check`` of the package generated from the entry's
   ``.sqd`` run against that database: Alembic must find no difference (out-of-scope objects
   are left out by the package's own ``migrations/env_hooks.py``, never by ignoring errors);
3. a second fresh database gets ``alembic upgrade head``;
4. the two databases are compared in a normalised, name-independent form: PostgreSQL through
   ``pg_dump --schema-only`` (every statement of the dump is either normalised into facts, or
   belongs to a kind of object the entry declares out of scope, or the run fails: nothing is
   silently dropped); SQLite through PRAGMA table_info / index_list / index_xinfo /
   foreign_key_list and the CHECK constraints. Types, nullability, defaults (sequences
   included), keys, constraints, indexes, comments, enum and domain types, schemas and
   extensions are compared. Names: an object's name must be the same on both sides unless the
   original's name is the one PostgreSQL (or SQLite) would have chosen itself, i.e. the
   original DDL did not name it.

Any difference fails the run, listing every one. ``--self-test PACKAGE_DIR`` proves the
comparison itself: a database made by the package's ``alembic upgrade head``, dumped and
loaded again (on SQLite: the file copied), must compare equal, and each of several deliberate
changes (``--mutation``, ``--sqlite-mutation``) must be found.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

POSTGRES_URL_VARIABLE = "SQLAGEN_TEST_POSTGRES_URL"
TIMEOUT = 300.0


class Failure(Exception):
    """Something that makes an entry fail; the message says what."""


# --------------------------------------------------------------------------
# Processes and databases
# --------------------------------------------------------------------------


def run(
    command: list[str],
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    check: bool = True,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    full_env["PYTHONDONTWRITEBYTECODE"] = "1"
    if env:
        full_env.update(env)
    result = subprocess.run(
        command,
        env=full_env,
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    if check and result.returncode != 0:
        raise Failure(
            f"$ {' '.join(command)}\nexit code {result.returncode}\n"
            f"--- stdout ---\n{result.stdout.rstrip()}\n--- stderr ---\n{result.stderr.rstrip()}"
        )
    return result


def pg_bin(tool: str) -> str:
    found = shutil.which(tool)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{tool}"), reverse=True)
    if not candidates:
        raise Failure(f"{tool} not found on PATH nor under /usr/lib/postgresql/*/bin")
    return str(candidates[0])


@dataclass
class Postgres:
    admin_url: str
    made: list[str] = field(default_factory=list)

    def url(self, name: str) -> str:
        base, _, _ = self.admin_url.rpartition("/")
        return f"{base}/{name}"

    def create(self, label: str) -> str:
        name = f"sqlagen_corpus_{label[:30]}_{secrets.token_hex(4)}"
        run(
            [
                pg_bin("psql"),
                self.admin_url,
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
                "LC_COLLATE 'C' LC_CTYPE 'C'",
            ]
        )
        self.made.append(name)
        return self.url(name)

    def close(self) -> None:
        for name in self.made:
            run(
                [
                    pg_bin("psql"),
                    self.admin_url,
                    "-X",
                    "-q",
                    "-c",
                    f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
                ],
                check=False,
            )
        self.made.clear()


def postgres() -> Postgres:
    raw = os.environ.get(POSTGRES_URL_VARIABLE, "").strip()
    if not raw:
        raise Failure(
            f"{POSTGRES_URL_VARIABLE} is not set: the PostgreSQL entries cannot run"
        )
    return Postgres(raw)


# --------------------------------------------------------------------------
# SQL text: statements and top-level tokens
# --------------------------------------------------------------------------


def split_statements(text: str) -> list[str]:
    """The statements of a script: ';' outside quotes, dollar quotes and comments."""
    statements: list[str] = []
    current: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "-" and text.startswith("--", i):
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
            current.append("\n")
            continue
        if c == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            current.append(" ")
            continue
        if c in "'\"":
            j = i + 1
            while j < n:
                if text[j] == c:
                    if j + 1 < n and text[j + 1] == c:
                        j += 2
                        continue
                    break
                j += 1
            current.append(text[i : j + 1])
            i = j + 1
            continue
        if c == "$":
            m = re.match(r"\$[A-Za-z_0-9]*\$", text[i:])
            if m:
                tag = m.group(0)
                end = text.find(tag, i + len(tag))
                end = n if end < 0 else end + len(tag)
                current.append(text[i:end])
                i = end
                continue
        if c == ";":
            statement = "".join(current).strip()
            if statement:
                statements.append(statement)
            current = []
            i += 1
            continue
        current.append(c)
        i += 1
    rest = "".join(current).strip()
    if rest:
        statements.append(rest)
    return statements


def split_top(text: str, sep: str = ",") -> list[str]:
    """Splits on ``sep`` outside parentheses and quotes."""
    parts: list[str] = []
    depth = 0
    start = 0
    quote = ""
    for i, c in enumerate(text):
        if quote:
            if c == quote:
                quote = ""
            continue
        if c in "'\"":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == sep and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def squash(text: str) -> str:
    """Whitespace collapsed outside quotes (pg_dump's line breaks are layout only)."""
    out: list[str] = []
    quote = ""
    space = False
    for c in text:
        if quote:
            out.append(c)
            if c == quote:
                quote = ""
            continue
        if c in "'\"":
            quote = c
        if c.isspace():
            space = True
            continue
        if space and out:
            out.append(" ")
        space = False
        out.append(c)
    return "".join(out).strip()


def unquote(name: str) -> str:
    name = name.strip()
    if name.startswith('"') and name.endswith('"'):
        return name[1:-1].replace('""', '"')
    return name


def split_qualified(name: str) -> tuple[str, str]:
    """``schema.name`` (either part may be quoted) -> (schema, name)."""
    parts = re.findall(r'"(?:[^"]|"")*"|[^.]+', name.strip())
    if len(parts) == 1:
        return "public", unquote(parts[0])
    return unquote(parts[0]), unquote(parts[1])


IDENT = r'(?:"(?:[^"]|"")*"|[A-Za-z_][A-Za-z_0-9$]*)'
QNAME = rf"{IDENT}(?:\.{IDENT})?"


# --------------------------------------------------------------------------
# Facts: one line of the normalised form, with the name kept apart
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    table: str  # "schema.table" it belongs to ("" for schema-level objects)
    text: str  # what it is, without its name
    name: str = ""  # the object's own name, "" if it has none
    default_name: bool = False  # the name is the one the database would choose itself

    def show(self) -> str:
        return f"{self.text}" + (f"  [name {self.name}]" if self.name else "")


@dataclass
class Normalised:
    facts: list[Fact] = field(default_factory=list)
    out_of_scope: list[str] = field(default_factory=list)  # what was left out, and why
    unhandled: list[str] = field(default_factory=list)

    def add(self, fact: Fact) -> None:
        self.facts.append(fact)


# --------------------------------------------------------------------------
# PostgreSQL: pg_dump --schema-only, normalised
# --------------------------------------------------------------------------


IGNORED = [
    r"SET\b",
    r"SELECT pg_catalog\.set_config\(",
    r"ALTER \S+( \S+)? .* OWNER TO ",
    r"COMMENT ON EXTENSION ",
    r"CREATE SCHEMA public\b",
    r"COMMENT ON SCHEMA public\b",
]

# Kinds of statement that describe objects sqlagen does not model; an entry lists the kinds it
# leaves out of scope (its "out_of_scope" "kinds").
KINDS = {
    "function": r"CREATE (OR REPLACE )?FUNCTION\b",
    "procedure": r"CREATE (OR REPLACE )?PROCEDURE\b",
    "aggregate": r"CREATE AGGREGATE\b",
    "view": r"CREATE (OR REPLACE )?VIEW\b",
    "materialized view": r"CREATE MATERIALIZED VIEW\b",
    "trigger": r"CREATE (CONSTRAINT )?TRIGGER\b",
    "rule": r"CREATE (OR REPLACE )?RULE\b",
    "language": r"CREATE (OR REPLACE )?(PROCEDURAL )?LANGUAGE\b",
    "publication": r"CREATE PUBLICATION\b",
    "partition attachment": r"ALTER TABLE ONLY \S+ ATTACH PARTITION\b|ALTER INDEX \S+ ATTACH PARTITION\b",
    "comment on function": r"COMMENT ON (FUNCTION|AGGREGATE|VIEW|MATERIALIZED VIEW|TRIGGER)\b",
    "schema comment": r"COMMENT ON SCHEMA\b",
}


@dataclass(frozen=True)
class Scope:
    kinds: frozenset[str]  # kinds of KINDS left out
    tables: frozenset[
        str
    ]  # "schema.table" left out (partitions, other applications' tables)

    @staticmethod
    def of(raw: dict[str, list[str]] | None) -> Scope:
        raw = raw or {}
        kinds = frozenset(raw.get("kinds", []))
        unknown = kinds - set(KINDS) - {"view", "trigger"}
        if unknown:
            raise Failure(
                f"unknown out-of-scope kinds {sorted(unknown)}; known: {sorted(KINDS)}"
            )
        tables = frozenset(
            t if "." in t else f"public.{t}" for t in raw.get("tables", [])
        )
        return Scope(kinds, tables)

    @staticmethod
    def read(path: Path | None) -> Scope:
        """An entry's out_of_scope.txt: lines ``kind: view`` or ``table: schema.name``; # comments."""
        raw: dict[str, list[str]] = {"kinds": [], "tables": []}
        if path is not None and path.is_file():
            for number, line in enumerate(
                path.read_text(encoding="utf-8").splitlines(), 1
            ):
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                key, _, value = line.partition(":")
                if key.strip() == "kind":
                    raw["kinds"].append(value.strip())
                elif key.strip() == "table":
                    raw["tables"].append(value.strip())
                else:
                    raise Failure(
                        f"{path}:{number}: expected 'kind: ...' or 'table: ...', got {line!r}"
                    )
        return Scope.of(raw)


def pg_dump(url: str, *, exclude_version_table: bool) -> str:
    command = [
        pg_bin("pg_dump"),
        "--schema-only",
        "--no-owner",
        "--no-privileges",
        "--no-tablespaces",
        "--no-security-labels",
    ]
    if exclude_version_table:
        command += ["--exclude-table", "*.alembic_version"]
    return run(command + [url]).stdout


@dataclass
class Sequence:
    definition: str
    owned_by: str = ""


def normalise_postgres(dump: str, scope: Scope) -> Normalised:
    result = Normalised()
    sequences: dict[str, Sequence] = {}
    columns: dict[str, dict[str, dict[str, str]]] = {}  # table -> column -> parts
    deferred_defaults: list[tuple[str, str, str]] = []
    identities: list[tuple[str, str, str, str]] = []

    def in_scope(table: str, what: str) -> bool:
        if table in scope.tables:
            result.out_of_scope.append(f"{what} (table {table} is out of scope)")
            return False
        return True

    # psql meta-commands (pg_dump 15.14+ writes \\restrict and \\unrestrict) are not SQL.
    dump = "\n".join(line for line in dump.splitlines() if not line.startswith("\\"))
    for raw in split_statements(dump):
        s = squash(raw)
        if any(re.match(p, s) for p in IGNORED):
            continue
        kind = next((k for k, p in KINDS.items() if re.match(p, s)), None)
        if kind is not None:
            relation = re.match(
                rf"CREATE (?:OR REPLACE )?(?:MATERIALIZED )?VIEW ({QNAME})", s
            )
            if relation and kind in scope.kinds:
                # its indexes and comments go with it
                scope = Scope(
                    scope.kinds,
                    scope.tables | {".".join(split_qualified(relation.group(1)))},
                )
            first = s[:90] + ("..." if len(s) > 90 else "")
            if kind in scope.kinds:
                result.out_of_scope.append(f"{kind}: {first}")
            else:
                result.unhandled.append(f"{kind} (not declared out of scope): {first}")
            continue
        m = re.match(rf"CREATE SCHEMA ({IDENT})$", s)
        if m:
            result.add(Fact("", f"schema {unquote(m.group(1))}"))
            continue
        m = re.match(
            rf"CREATE EXTENSION (?:IF NOT EXISTS )?({IDENT})(?: WITH SCHEMA ({IDENT}))?",
            s,
        )
        if m:
            result.add(
                Fact(
                    "",
                    f"extension {unquote(m.group(1))} in {unquote(m.group(2) or 'public')}",
                )
            )
            continue
        m = re.match(rf"CREATE TYPE ({QNAME}) AS ENUM \((.*)\)$", s)
        if m:
            schema, name = split_qualified(m.group(1))
            labels = ", ".join(split_top(m.group(2)))
            result.add(Fact("", f"enum type {schema}.{name} ({labels})"))
            continue
        m = re.match(rf"CREATE DOMAIN ({QNAME}) AS (.*)$", s)
        if m:
            schema, name = split_qualified(m.group(1))
            result.add(Fact("", f"domain {schema}.{name} AS {m.group(2)}"))
            continue
        m = re.match(rf"CREATE SEQUENCE ({QNAME}) (.*)$", s)
        if m:
            schema, name = split_qualified(m.group(1))
            sequences[f"{schema}.{name}"] = Sequence(m.group(2))
            continue
        m = re.match(rf"ALTER SEQUENCE ({QNAME}) OWNED BY ({QNAME})\.({IDENT})$", s)
        if m:
            schema, name = split_qualified(m.group(1))
            tschema, table = split_qualified(m.group(2))
            sequences[
                f"{schema}.{name}"
            ].owned_by = f"{tschema}.{table}.{unquote(m.group(3))}"
            continue
        m = re.match(rf"CREATE (UNLOGGED )?TABLE ({QNAME}) \(", s)
        if m and not s[m.end() :].startswith("PARTITION OF"):
            schema, name = split_qualified(m.group(2))
            table = f"{schema}.{name}"
            close = matching_paren(s, m.end() - 1)
            body, tail = s[m.end() : close], s[close + 1 :].strip()
            if not in_scope(table, "table"):
                continue
            result.add(
                Fact(
                    table,
                    f"table {table}"
                    + (" UNLOGGED" if m.group(1) else "")
                    + (f" {tail}" if tail else ""),
                )
            )
            columns[table] = {}
            for part in split_top(body):
                cm = re.match(rf"CONSTRAINT ({IDENT}) (.*)$", part)
                if cm:
                    constraint(result, table, unquote(cm.group(1)), cm.group(2))
                    continue
                column_def(columns[table], part)
            continue
        m = re.match(rf"CREATE (UNLOGGED )?TABLE ({QNAME}) PARTITION OF ", s)
        if m:
            schema, name = split_qualified(m.group(2))
            if in_scope(f"{schema}.{name}", "partition"):
                result.unhandled.append(
                    f"partition {schema}.{name} (not declared out of scope)"
                )
            continue
        m = re.match(
            rf"ALTER TABLE (?:ONLY )?({QNAME}) ALTER COLUMN ({IDENT}) SET DEFAULT (.*)$",
            s,
        )
        if m:
            schema, name = split_qualified(m.group(1))
            deferred_defaults.append(
                (f"{schema}.{name}", unquote(m.group(2)), m.group(3))
            )
            continue
        m = re.match(
            rf"ALTER TABLE (?:ONLY )?({QNAME}) ALTER COLUMN ({IDENT}) ADD GENERATED (ALWAYS|BY DEFAULT) AS IDENTITY \((.*)\)$",
            s,
        )
        if m:
            schema, name = split_qualified(m.group(1))
            identities.append(
                (f"{schema}.{name}", unquote(m.group(2)), m.group(3), m.group(4))
            )
            continue
        m = re.match(
            rf"ALTER TABLE (?:ONLY )?({QNAME}) ADD CONSTRAINT ({IDENT}) (.*)$", s
        )
        if m:
            schema, name = split_qualified(m.group(1))
            table = f"{schema}.{name}"
            if in_scope(table, "constraint"):
                constraint(result, table, unquote(m.group(2)), m.group(3))
            continue
        m = re.match(
            rf"CREATE (UNIQUE )?INDEX ({IDENT}) ON (?:ONLY )?({QNAME}) (.*)$", s
        )
        if m:
            schema, tname = split_qualified(m.group(3))
            table = f"{schema}.{tname}"
            if in_scope(table, "index"):
                index_name = unquote(m.group(2))
                columns_part = re.search(r"\((.*?)\)", m.group(4))
                default = columns_part is not None and index_name == pg_default_name(
                    tname, [unquote(c) for c in split_top(columns_part.group(1))], "idx"
                )
                result.add(
                    Fact(
                        table,
                        f"index on {table} {'UNIQUE ' if m.group(1) else ''}{m.group(4)}",
                        index_name,
                        default,
                    )
                )
            continue
        m = re.match(rf"COMMENT ON (TABLE|COLUMN) ({QNAME}(?:\.{IDENT})?) IS (.*)$", s)
        if m:
            target = m.group(2)
            parts = re.findall(r'"(?:[^"]|"")*"|[^.]+', target)
            if m.group(1) == "COLUMN":
                table = (
                    f"{unquote(parts[0])}.{unquote(parts[1])}"
                    if len(parts) == 3
                    else f"public.{unquote(parts[0])}"
                )
            else:
                table = (
                    f"{unquote(parts[0])}.{unquote(parts[1])}"
                    if len(parts) == 2
                    else f"public.{unquote(parts[0])}"
                )
            if in_scope(table, "comment"):
                result.add(
                    Fact(
                        table,
                        f"comment on {m.group(1).lower()} "
                        + ".".join(unquote(p) for p in parts)
                        + f" IS {m.group(3)}",
                    )
                )
            continue
        result.unhandled.append(f"statement the harness cannot normalise: {s[:200]}")

    for table, column, expression in deferred_defaults:
        if table in columns and column in columns[table]:
            columns[table][column]["default"] = expression
    for table, column, mode, options in identities:
        if table in columns and column in columns[table]:
            seq = re.search(rf"SEQUENCE NAME ({QNAME})", options)
            rest = re.sub(rf"SEQUENCE NAME {QNAME}\s*", "", options).strip()
            columns[table][column]["identity"] = (
                f"GENERATED {mode} AS IDENTITY ({rest})"
            )
            if seq:
                sschema, sname = split_qualified(seq.group(1))
                tname = table.split(".", 1)[1]
                result.add(
                    Fact(
                        table,
                        f"identity sequence of {table}.{column}",
                        f"{sschema}.{sname}",
                        sname == pg_default_name(tname, [column], "seq"),
                    )
                )

    for table, cols in columns.items():
        tname = table.split(".", 1)[1]
        for column, parts in cols.items():
            default = parts.get("default", "")
            for seq_ref in re.findall(r"nextval\('([^']*)'::regclass\)", default):
                sschema, sname = (
                    split_qualified(seq_ref)
                    if "." in seq_ref
                    else ("public", unquote(seq_ref))
                )
                seq = sequences.get(f"{sschema}.{sname}")
                if seq is None:
                    result.unhandled.append(
                        f"{table}.{column} default uses unknown sequence {seq_ref}"
                    )
                    continue
                owned = (
                    "owned by this column"
                    if seq.owned_by == f"{table}.{column}"
                    else (
                        f"owned by {seq.owned_by}"
                        if seq.owned_by
                        else "owned by nothing"
                    )
                )
                default = default.replace(
                    f"nextval('{seq_ref}'::regclass)",
                    f"nextval(<sequence {seq.definition}, {owned}>)",
                )
                result.add(
                    Fact(
                        table,
                        f"sequence of {table}.{column}",
                        f"{sschema}.{sname}",
                        sname == pg_default_name(tname, [column], "seq"),
                    )
                )
            text = f"column {table}.{column} {parts['type']}"
            if parts.get("collate"):
                text += f" COLLATE {parts['collate']}"
            text += " NOT NULL" if parts.get("not_null") else " NULL"
            if default:
                text += f" DEFAULT {default}"
            if parts.get("identity"):
                text += f" {parts['identity']}"
            if parts.get("generated"):
                text += f" {parts['generated']}"
            result.add(Fact(table, text))
    used = {
        f.name
        for f in result.facts
        if f.text.startswith(("sequence of", "identity sequence of"))
    }
    for name, seq in sequences.items():
        if name not in used and not any(name.startswith(f"{t}_") for t in scope.tables):
            table = seq.owned_by.rsplit(".", 1)[0] if seq.owned_by else ""
            if table in scope.tables:
                result.out_of_scope.append(
                    f"sequence {name} (table {table} is out of scope)"
                )
            else:
                result.add(
                    Fact(
                        table,
                        f"sequence not used by any default: {seq.definition}, owned by {seq.owned_by or 'nothing'}",
                        name,
                    )
                )
    return result


def matching_paren(text: str, start: int) -> int:
    """The index of the ')' that closes the '(' at ``start`` (quotes skipped)."""
    depth = 0
    quote = ""
    for i in range(start, len(text)):
        c = text[i]
        if quote:
            if c == quote:
                quote = ""
        elif c in "'\"":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
    raise Failure(f"unbalanced parentheses in {text[:200]!r}")


def column_def(cols: dict[str, dict[str, str]], part: str) -> None:
    m = re.match(rf"({IDENT}) (.*)$", part)
    if not m:
        raise Failure(f"cannot read the column definition {part!r}")
    name = unquote(m.group(1))
    rest = m.group(2)
    parts: dict[str, str] = {}
    gen = re.search(r" GENERATED ALWAYS AS \((.*)\) STORED", rest)
    if gen:
        parts["generated"] = f"GENERATED ALWAYS AS ({gen.group(1)}) STORED"
        rest = rest[: gen.start()] + rest[gen.end() :]
    if rest.endswith(" NOT NULL"):
        parts["not_null"] = "1"
        rest = rest[: -len(" NOT NULL")]
    d = re.search(r" DEFAULT ", rest)
    if d:
        parts["default"] = rest[d.end() :].strip()
        rest = rest[: d.start()]
    c = re.search(r" COLLATE ", rest)
    if c:
        parts["collate"] = rest[c.end() :].strip()
        rest = rest[: c.start()]
    parts["type"] = rest.strip()
    cols[name] = parts


def pg_default_name(table: str, columns: list[str], suffix: str) -> str:
    """The name PostgreSQL gives an unnamed object (ChooseRelationName: 63 bytes)."""
    name = "_".join([table, *columns, suffix]) if columns else f"{table}_{suffix}"
    return name[:63]


def constraint(result: Normalised, table: str, name: str, definition: str) -> None:
    tname = table.split(".", 1)[1]
    cols_match = re.match(
        r"(?:PRIMARY KEY|UNIQUE(?: NULLS NOT DISTINCT)?|FOREIGN KEY) \(([^)]*)\)",
        definition,
    )
    cols = [unquote(c) for c in split_top(cols_match.group(1))] if cols_match else []
    if definition.startswith("PRIMARY KEY"):
        default = name == f"{tname}_pkey"[:63]
        kind = "primary key"
    elif definition.startswith("UNIQUE"):
        default = name == pg_default_name(tname, cols, "key")
        kind = "unique"
    elif definition.startswith("FOREIGN KEY"):
        default = name == pg_default_name(tname, cols, "fkey")
        kind = "foreign key"
    elif definition.startswith("CHECK"):
        found = re.findall(r"\b([a-z_][a-z_0-9]*)\b", definition)
        default = name == f"{tname}_check" or any(
            name == pg_default_name(tname, [c], "check") for c in found
        )
        kind = "check"
    else:
        default = False
        kind = "constraint"
    result.add(Fact(table, f"{kind} on {table} {definition}", name, default))


# --------------------------------------------------------------------------
# SQLite: PRAGMAs, normalised
# --------------------------------------------------------------------------


def normalise_sqlite(path: Path, scope: Scope) -> Normalised:
    result = Normalised()
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        for kind, name, table_name, sql in rows:
            if name.startswith("sqlite_") or table_name == "alembic_version":
                continue
            if kind in ("view", "trigger"):
                if kind in scope.kinds:
                    result.out_of_scope.append(f"{kind}: {name}")
                else:
                    result.unhandled.append(
                        f"{kind} {name} (not declared out of scope)"
                    )
            elif kind == "table":
                if f"main.{name}" in scope.tables:
                    result.out_of_scope.append(f"table main.{name}")
                    continue
                sqlite_table(connection, result, name, sql or "")
            elif kind != "index":
                result.unhandled.append(
                    f"{kind} {name}: the harness cannot normalise it"
                )
    finally:
        connection.close()
    return result


def sqlite_table(
    connection: sqlite3.Connection, result: Normalised, table: str, sql: str
) -> None:
    q = '"' + table.replace('"', '""') + '"'
    key = f"main.{table}"
    flags = []
    if re.search(r"\bAUTOINCREMENT\b", sql, re.IGNORECASE):
        flags.append("AUTOINCREMENT")
    if re.search(r"\bWITHOUT\s+ROWID\b", sql, re.IGNORECASE):
        flags.append("WITHOUT ROWID")
    if re.search(r"\bSTRICT\s*$", sql.strip().rstrip(";"), re.IGNORECASE):
        flags.append("STRICT")
    result.add(Fact(key, f"table {key} {' '.join(flags)}".rstrip()))
    for _cid, name, type_, notnull, default, pk, hidden in connection.execute(
        f"PRAGMA table_xinfo({q})"
    ):
        # Layout only: "NUMERIC(10, 2)" is "NUMERIC(10,2)" (the words are kept as declared).
        declared = re.sub(r"\s*,\s*", ",", " ".join(type_.upper().split()))
        text = f"column {key}.{name} {declared} {'NOT NULL' if notnull else 'NULL'}"
        if hidden:
            text += {1: " HIDDEN", 2: " GENERATED VIRTUAL", 3: " GENERATED STORED"}.get(
                hidden, f" hidden={hidden}"
            )
        if default is not None:
            text += f" DEFAULT {default}"
        if pk:
            text += f" primary key position {pk}"
        result.add(Fact(key, text))
    for _seq, name, unique, origin, partial in connection.execute(
        f"PRAGMA index_list({q})"
    ):
        parts = []
        for _seqno, _cid, column, desc, coll, is_key in connection.execute(
            f'PRAGMA index_xinfo("{name.replace(chr(34), chr(34) * 2)}")'
        ):
            if is_key:
                parts.append(
                    f"{column if column is not None else '<expression>'}{' DESC' if desc else ''}"
                    + ("" if coll == "BINARY" else f" COLLATE {coll}")
                )
        where = ""
        if partial:
            row = connection.execute(
                "SELECT sql FROM sqlite_master WHERE name = ?", (name,)
            ).fetchone()
            found = re.search(
                r"\bWHERE\b(.*)$", row[0] or "", re.IGNORECASE | re.DOTALL
            )
            where = (
                f" WHERE {' '.join(found.group(1).split())}" if found else " WHERE ?"
            )
        origin_text = {"c": "index", "u": "unique constraint", "pk": "primary key"}[
            origin
        ]
        result.add(
            Fact(
                key,
                f"{origin_text} on {key} {'UNIQUE ' if unique else ''}({', '.join(parts)}){where}",
                name,
                name.startswith("sqlite_autoindex_"),
            )
        )
    fks: dict[int, list[tuple[object, ...]]] = {}
    for row in connection.execute(f"PRAGMA foreign_key_list({q})"):
        fks.setdefault(row[0], []).append(row)
    for rows in fks.values():
        rows.sort(key=lambda r: r[1])
        target = rows[0][2]
        source = ", ".join(str(r[3]) for r in rows)
        dest = ", ".join(
            "<its primary key>" if r[4] is None else str(r[4]) for r in rows
        )
        result.add(
            Fact(
                key,
                f"foreign key on {key} ({source}) REFERENCES {target} ({dest}) "
                f"ON UPDATE {rows[0][5]} ON DELETE {rows[0][6]} MATCH {rows[0][7]}",
            )
        )
    for name, text in sqlite_checks(sql):
        result.add(Fact(key, f"check on {key} CHECK ({text})", name or "", not name))


def sqlite_checks(sql: str) -> list[tuple[str | None, str]]:
    """(name, expression) of every CHECK in a CREATE TABLE (SQLite keeps only the text)."""
    found = []
    for m in re.finditer(
        r"(?:CONSTRAINT\s+(\"[^\"]+\"|\[[^\]]+\]|`[^`]+`|\w+)\s+)?CHECK\s*\(",
        sql,
        re.IGNORECASE,
    ):
        depth = 1
        i = m.end()
        while i < len(sql) and depth:
            depth += {"(": 1, ")": -1}.get(sql[i], 0)
            i += 1
        name = m.group(1).strip('"[]`') if m.group(1) else None
        found.append((name, " ".join(sql[m.end() : i - 1].split())))
    return found


# --------------------------------------------------------------------------
# Comparison
# --------------------------------------------------------------------------


def compare(original: Normalised, generated: Normalised) -> list[str]:
    problems: list[str] = []
    for label, side in (("original", original), ("generated", generated)):
        problems += [f"{label}: {u}" for u in side.unhandled]
    left = Counter(f.text for f in original.facts)
    right = Counter(f.text for f in generated.facts)
    for text in sorted((left - right).elements()):
        problems.append(f"only in the original:  {text}")
    for text in sorted((right - left).elements()):
        problems.append(f"only in the generated: {text}")
    by_text: dict[str, list[Fact]] = {}
    for fact in generated.facts:
        by_text.setdefault(fact.text, []).append(fact)
    for fact in original.facts:
        if fact.default_name or not fact.name:
            continue
        names = [f.name for f in by_text.get(fact.text, [])]
        if names and fact.name not in names:
            problems.append(
                f"name differs: {fact.text}: original {fact.name!r}, generated {', '.join(map(repr, names))}"
            )
    return problems


# --------------------------------------------------------------------------
# One entry
# --------------------------------------------------------------------------


@dataclass
class Entry:
    name: str
    database: str  # "postgresql" or "sqlite"
    ddl: Path  # the original DDL
    package_dir: Path  # the generated package (with alembic.ini)
    scope: Scope

    @staticmethod
    def load(path: Path) -> Entry:
        raw = json.loads(path.read_text(encoding="utf-8"))
        scope_file = raw.get("out_of_scope")
        return Entry(
            raw["name"],
            raw["database"],
            Path(raw["ddl"]),
            Path(raw["package_dir"]),
            Scope.read(Path(scope_file) if scope_file else None),
        )


def alembic(
    entry: Entry, url: str, *args: str, check: bool = True
) -> subprocess.CompletedProcess[str]:
    executable = Path(sys.executable).parent / "alembic"
    with tempfile.TemporaryDirectory(prefix="sqlagen-corpus-") as cwd:
        return run(
            [str(executable), "-c", str(entry.package_dir / "alembic.ini"), *args],
            env={"DATABASE_URL": url},
            cwd=Path(cwd),
            check=check,
        )


def check_entry(entry: Entry, pg: Postgres | None, workdir: Path) -> list[str]:
    if entry.database == "postgresql":
        assert pg is not None
        original = pg.create(entry.name + "_orig")
        run(
            [
                pg_bin("psql"),
                original,
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-f",
                str(entry.ddl),
            ]
        )
        original_form = normalise_postgres(
            pg_dump(original, exclude_version_table=True), entry.scope
        )
        fresh = pg.create(entry.name + "_head")
    else:
        original_path = workdir / f"{entry.name}_orig.sqlite3"
        connection = sqlite3.connect(original_path)
        try:
            connection.executescript(entry.ddl.read_text(encoding="utf-8"))
        finally:
            connection.close()
        original = f"sqlite:///{original_path}"
        original_form = normalise_sqlite(original_path, entry.scope)
        fresh_path = workdir / f"{entry.name}_head.sqlite3"
        fresh = f"sqlite:///{fresh_path}"
    problems: list[str] = []
    alembic(entry, original, "stamp", "head")
    checked = alembic(entry, original, "check", check=False)
    if checked.returncode != 0:
        output = (checked.stdout + checked.stderr).strip().splitlines()
        # Alembic's own INFO lines (plugins, impl) say nothing about the differences.
        kept = [line for line in output if "INFO  [alembic.runtime" not in line]
        problems.append(
            "alembic check against the original database found differences:\n"
            + indent("\n".join(kept))
        )
    alembic(entry, fresh, "upgrade", "head")
    if entry.database == "postgresql":
        fresh_form = normalise_postgres(
            pg_dump(fresh, exclude_version_table=True), entry.scope
        )
    else:
        fresh_form = normalise_sqlite(fresh_path, entry.scope)
    problems += compare(original_form, fresh_form)
    print(
        f"[{entry.name}] {len(original_form.facts)} facts compared"
        + (
            f"; out of scope in the original: {len(original_form.out_of_scope)}"
            if original_form.out_of_scope
            else ""
        )
    )
    for item in original_form.out_of_scope:
        print(f"[{entry.name}]   out of scope: {item}")
    return problems


def indent(text: str) -> str:
    return "\n".join("      " + line for line in text.splitlines())


# --------------------------------------------------------------------------
# Self-test: the comparison finds what it must, and nothing else
# --------------------------------------------------------------------------


def self_test(
    package_dir: Path, pg: Postgres, mutations: list[tuple[str, str]]
) -> list[str]:
    entry = Entry(
        "selftest", "postgresql", Path("/dev/null"), package_dir, Scope.of(None)
    )
    head = pg.create("self_head")
    alembic(entry, head, "upgrade", "head")
    dump = pg_dump(head, exclude_version_table=True)
    problems: list[str] = []
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as handle:
        handle.write(dump)
        dump_file = handle.name
    try:
        for label, sql in [("unchanged", ""), *mutations]:
            copy = pg.create("self_copy")
            run(
                [
                    pg_bin("psql"),
                    copy,
                    "-X",
                    "-q",
                    "-v",
                    "ON_ERROR_STOP=1",
                    "-f",
                    dump_file,
                ]
            )
            if sql:
                run(
                    [
                        pg_bin("psql"),
                        copy,
                        "-X",
                        "-q",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-c",
                        sql,
                    ]
                )
            found = compare(
                normalise_postgres(
                    pg_dump(copy, exclude_version_table=True), entry.scope
                ),
                normalise_postgres(dump, entry.scope),
            )
            checked_text = ""
            if (
                not sql
            ):  # (alembic check of each change would double the time; the dumps decide)
                alembic(entry, copy, "stamp", "head")
                checked = alembic(entry, copy, "check", check=False)
                checked_text = f", alembic check exit {checked.returncode}"
                if checked.returncode != 0:
                    found.append(f"alembic check: {checked.stdout}{checked.stderr}")
            print(f"[self-test] {label}: {len(found)} difference(s){checked_text}")
            for line in found:
                print(f"[self-test]   {line}")
            if not sql and found:
                problems.append(f"self-test: the unchanged copy differs: {found}")
            if sql and not found:
                problems.append(
                    f"self-test: the change {label!r} ({sql}) was NOT found"
                )
    finally:
        os.unlink(dump_file)
    return problems


def self_test_sqlite(
    package_dir: Path, workdir: Path, mutations: list[tuple[str, str]]
) -> list[str]:
    """The same on SQLite: a migrated file, copied, changed; the PRAGMAs must tell."""
    entry = Entry("selftest", "sqlite", Path("/dev/null"), package_dir, Scope.of(None))
    head = workdir / "self_head.sqlite3"
    alembic(entry, f"sqlite:///{head}", "upgrade", "head")
    expected = normalise_sqlite(head, entry.scope)
    problems: list[str] = []
    for number, (label, sql) in enumerate([("unchanged", ""), *mutations]):
        copy = workdir / f"self_copy_{number}.sqlite3"
        shutil.copyfile(head, copy)
        if sql:
            connection = sqlite3.connect(copy)
            try:
                connection.executescript(sql)
            finally:
                connection.close()
        found = compare(normalise_sqlite(copy, entry.scope), expected)
        if not sql:
            checked = alembic(entry, f"sqlite:///{copy}", "check", check=False)
            if checked.returncode != 0:
                found.append(f"alembic check: {checked.stdout}{checked.stderr}")
        print(f"[self-test sqlite] {label}: {len(found)} difference(s)")
        for line in found:
            print(f"[self-test sqlite]   {line}")
        if not sql and found:
            problems.append(f"self-test (SQLite): the unchanged copy differs: {found}")
        if sql and not found:
            problems.append(
                f"self-test (SQLite): the change {label!r} ({sql}) was NOT found"
            )
    return problems


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "entries", nargs="*", type=Path, help="entry JSON files written by CorpusIT"
    )
    parser.add_argument("--self-test", type=Path, metavar="PACKAGE_DIR")
    parser.add_argument(
        "--mutation",
        action="append",
        default=[],
        metavar="LABEL=SQL",
        help="a change the self-test must find (repeatable)",
    )
    parser.add_argument(
        "--sqlite-mutation",
        action="append",
        default=[],
        metavar="LABEL=SQL",
        help="a change the SQLite self-test must find (repeatable; a script)",
    )
    args = parser.parse_args()
    start = time.monotonic()
    failures: dict[str, list[str]] = {}
    pg: Postgres | None = None
    try:
        with tempfile.TemporaryDirectory(prefix="sqlagen-corpus-") as tmp:
            workdir = Path(tmp)
            if args.self_test:
                pg = postgres()
                mutations = [tuple(m.split("=", 1)) for m in args.mutation]
                problems = self_test(args.self_test, pg, mutations)  # type: ignore[arg-type]
                sqlite_mutations = [
                    tuple(m.split("=", 1)) for m in args.sqlite_mutation
                ]
                problems += self_test_sqlite(
                    args.self_test,
                    workdir,
                    sqlite_mutations,  # type: ignore[arg-type]
                )
                if problems:
                    failures["self-test"] = problems
            for path in args.entries:
                entry = Entry.load(path)
                try:
                    if entry.database == "postgresql" and pg is None:
                        pg = postgres()
                    problems = check_entry(entry, pg, workdir)
                except Failure as exc:
                    problems = [f"could not run: {exc}"]
                if problems:
                    failures[entry.name] = problems
                print(
                    f"[{entry.name}] {'FAILED: ' + str(len(problems)) + ' difference(s)' if problems else 'no difference'}",
                    flush=True,
                )
    except Failure as exc:
        failures["setup"] = [str(exc)]
    finally:
        if pg is not None:
            pg.close()
    for name, problems in failures.items():
        print(f"\n=== {name}: {len(problems)} difference(s)")
        for problem in problems:
            print(f"  - {problem}")
    print(
        f"\ncorpus: {len(args.entries)} entr{'y' if len(args.entries) == 1 else 'ies'} checked in "
        f"{time.monotonic() - start:.1f}s, {len(failures)} failed"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
