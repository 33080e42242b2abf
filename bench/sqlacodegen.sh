#!/usr/bin/env bash
# sqlagen side by side with sqlacodegen, on the same 1,000 tables:
#
#   bench/sqlacodegen.sh SCHEMA.sqd [RUNS]     (bench/run.sh calls it with its 1,000-model schema)
#
# 1. a venv under bench/target/venv with the pinned packages of bench/requirements-sqlacodegen.txt
#    (sqlacodegen, SQLAlchemy, Alembic, aiosqlite), from PyPI;
# 2. sqlagen generates the package from the schema; its own migration creates the tables in
#    SQLite (alembic -c PKG/alembic.ini upgrade head, DATABASE_URL=sqlite:///...);
# 3. hyperfine times sqlacodegen reading that database back into models, and sqlagen generating
#    from the .sqd (bin/sqlagen, a fresh output directory each run), in the same run;
# 4. the output sizes go to bench/target/results/sqlacodegen.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
schema=${1:?usage: bench/sqlacodegen.sh SCHEMA.sqd [RUNS]}
runs=${2:-5}
results=bench/target/results
work=bench/target/work/sqlacodegen
venv=bench/target/venv
mkdir -p "$results" "$work"

if [ ! -x "$venv/bin/sqlacodegen" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check --no-deps -r bench/requirements-sqlacodegen.txt
fi

name=$(basename "$schema" .sqd)
pkg="$work/$name"
db="$work/$name.db"
rm -rf "$pkg" "$db"
bin/sqlagen "$schema" -o "$pkg" >/dev/null
# Alembic runs from the package's parent directory's view: env.py imports the package by name.
DATABASE_URL="sqlite:///$PWD/$db" "$venv/bin/alembic" -c "$pkg/alembic.ini" upgrade head 2>/dev/null
tables=$(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute(\"select count(*) from sqlite_master where type='table' and name != 'alembic_version'\").fetchone()[0])" "$db")

hyperfine -N --warmup 1 --runs "$runs" --export-json "$results/sqlacodegen.json" \
  -n "sqlacodegen (SQLite, $tables tables)" "$venv/bin/sqlacodegen --outfile $work/sqlacodegen_models.py sqlite:///$PWD/$db" \
  --prepare "rm -rf $work/again" -n "bin/sqlagen ($name.sqd)" "bin/sqlagen $schema -o $work/again"

size() { wc -c <"$1" | tr -d ' '; }
{
  echo "tables: $tables"
  echo "sqlacodegen version: $("$venv/bin/pip" show sqlacodegen | awk '/^Version/ {print $2}')"
  echo "sqlacodegen output: models file $(size "$work/sqlacodegen_models.py") bytes, $(wc -l <"$work/sqlacodegen_models.py") lines"
  echo "sqlagen output: models.py $(size "$work/again/models.py") bytes, $(wc -l <"$work/again/models.py") lines; whole package $(cat "$work/again"/*.py "$work/again"/alembic.ini "$work/again"/migrations/*.py "$work/again"/migrations/versions/*.py | wc -c | tr -d ' ') bytes in $(find "$work/again" -type f ! -name '.sqlagen-manifest' | wc -l) files"
  echo "schema: $(size "$schema") bytes"
} | tee "$results/sqlacodegen.txt"
