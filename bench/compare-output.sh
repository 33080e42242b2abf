#!/usr/bin/env bash
# Byte-for-byte comparison of two sqlagen jars' complete output: every example and every test
# schema (valid and invalid), the 100- and 1,000-model synthetic schemas (and 10,000 with
# WITH10K=1; SCHEMAS="a.sqd b.sqd" for others), each with the default options, --sessions async and --sessions sync --dialect
# postgresql. Compares the generated files, stdout, stderr and exit code of each run.
#
#   bench/compare-output.sh BEFORE.jar AFTER.jar      (synthetic schemas: bench/run.sh makes them)
#
# A performance change must leave every run identical: prints "compared N runs, M differ" and
# exits non-zero when M > 0.
set -euo pipefail
cd "$(dirname "$0")/.."
before=$(realpath "${1:?usage: bench/compare-output.sh BEFORE.jar AFTER.jar}")
after=$(realpath "${2:?usage: bench/compare-output.sh BEFORE.jar AFTER.jar}")
out=$PWD/bench/target/compare
rm -rf "$out"
mkdir -p "$out"
if [ -n "${SCHEMAS:-}" ]; then
  schemas=$SCHEMAS
else
  schemas=$(ls examples/*/*.sqd; find src/test/resources -name '*.sqd' | sort)
  for n in 100 1000; do
    if [ -f "bench/target/schemas/synth$n.sqd" ]; then schemas="$schemas bench/target/schemas/synth$n.sqd"; fi
  done
  if [ -n "${WITH10K:-}" ]; then schemas="$schemas bench/target/schemas/synth10000.sqd"; fi
fi
runs=0 differ=0
for schema in $schemas; do
  for opts in "" "--sessions async" "--sessions sync --dialect postgresql"; do
    runs=$((runs + 1))
    for side in before after; do
      jar=$before
      [ "$side" = after ] && jar=$after
      dir=$out/$side/$runs
      mkdir -p "$dir"
      # shellcheck disable=SC2086 # $opts is a list of options
      set +e
      java -XX:TieredStopAtLevel=1 -jar "$jar" "$schema" -o "$dir/pkg" $opts >"$dir/stdout" 2>"$dir/stderr"
      echo $? >"$dir/exit"
      set -e
      sed -i "s#$out/$side/#OUT/#g" "$dir/stdout" "$dir/stderr"
    done
    if ! diff -r "$out/before/$runs" "$out/after/$runs" >/dev/null; then
      differ=$((differ + 1))
      echo "differs: $schema $opts"
    fi
  done
done
echo "compared $runs runs, $differ differ"
[ "$differ" -eq 0 ]
