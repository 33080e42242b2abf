#!/usr/bin/env bash
# Create (or reuse) the proof venvs for generated SQLAlchemy packages.
#
# usage: setup-venvs.sh TARGET_DIR
#
# Makes TARGET_DIR/sa20 and TARGET_DIR/sa21, each installed with
# `pip install --no-deps` from requirements-sa20.txt / requirements-sa21.txt
# next to this script. Those files pin every transitive package, so --no-deps
# keeps pip from resolving (and drifting) anything on its own.
#
# Idempotent: each venv holds a stamp file with the sha256 of the requirements
# file it was built from. A venv whose stamp matches and whose interpreter and
# tools still run is reused; anything else (no stamp, other stamp, broken or
# half-built venv) is deleted and built again. The stamp is written last, so
# an interrupted install never looks complete.
#
# Needs only python3 (>= 3.11, with the venv module) and pip access to the
# package index. PYTHON overrides the interpreter used to create the venvs.
set -euo pipefail

readonly STAMP_NAME=".sqlagen-requirements.sha256"

die() {
    echo "setup-venvs.sh: $*" >&2
    exit 1
}

[[ $# -eq 1 && -n "$1" ]] || die "usage: setup-venvs.sh TARGET_DIR"

script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
target_dir=$1
python=${PYTHON:-python3}

command -v "$python" >/dev/null 2>&1 || die "'$python' not found"
# The pins are resolved for 3.11+: older Pythons need extra backports
# (tomli, exceptiongroup) that --no-deps would silently leave out.
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || die "$("$python" -V 2>&1) is too old: Python >= 3.11 is required"

sha256_of() {
    # Python rather than sha256sum/shasum: present on every machine we need.
    "$python" -c 'import hashlib, sys
with open(sys.argv[1], "rb") as f:
    print(hashlib.sha256(f.read()).hexdigest())' "$1"
}

# True when the venv's interpreter runs and has what the proof uses: every
# module it imports (the async drivers need greenlet; psycopg needs its
# binary libpq) and the console scripts it runs. Prints why not on stdout.
venv_works() {
    local venv=$1
    "$venv/bin/python" -c 'import sqlalchemy, pytest, mypy, alembic, mako
import greenlet, aiosqlite, asyncpg, psycopg' 2>&1 || return 1
    local tool
    for tool in ruff alembic; do
        [[ -x "$venv/bin/$tool" ]] || { echo "no $venv/bin/$tool"; return 1; }
    done
}

# True when the venv was completely built from the requirements with this hash.
venv_is_current() {
    local venv=$1 want=$2
    [[ -f "$venv/$STAMP_NAME" ]] || return 1
    [[ "$(cat -- "$venv/$STAMP_NAME")" == "$want" ]] || return 1
    # The base interpreter may have moved or been upgraded since.
    venv_works "$venv" >/dev/null
}

build_venv() {
    local venv=$1 requirements=$2 want=$3
    rm -rf -- "$venv"
    "$python" -m venv -- "$venv" \
        || die "'$python -m venv' failed (on Debian/Ubuntu install python3-venv)"
    "$venv/bin/python" -m pip install --disable-pip-version-check -q \
        --no-deps -r "$requirements"
    # --no-deps trusts the file: prove it really is complete and consistent.
    local problems
    if ! problems=$("$venv/bin/python" -m pip check \
        --disable-pip-version-check 2>&1); then
        die "$requirements is not a complete pin set: $problems"
    fi
    if ! problems=$(venv_works "$venv"); then
        die "$venv was installed from $requirements but does not work: $problems"
    fi
    printf '%s\n' "$want" >"$venv/$STAMP_NAME.tmp"
    mv -- "$venv/$STAMP_NAME.tmp" "$venv/$STAMP_NAME"
}

mkdir -p -- "$target_dir"
for line in sa20 sa21; do
    requirements="$script_dir/requirements-$line.txt"
    venv="$target_dir/$line"
    [[ -f "$requirements" ]] || die "missing $requirements"
    want=$(sha256_of "$requirements")
    if venv_is_current "$venv" "$want"; then
        echo "$venv: up to date"
    else
        echo "$venv: installing $(basename -- "$requirements")"
        build_venv "$venv" "$requirements" "$want"
    fi
done
