#!/usr/bin/env bash
# The sqlagen benchmark in one command (docs/performance.md explains every figure it prints):
#
#   bench/run.sh [--quick] [--no-build] [--no-jmh] [--no-sqlacodegen]
#
# 1. builds target/sqlagen.jar (+ its class-data-sharing archive, when the root build makes one)
#    and bench/target/benchmarks.jar (JMH 1.37 and the schema generator);
# 2. generates the seeded synthetic schemas (100, 1,000 and 10,000 models, seed 42);
# 3. times whole CLI processes with hyperfine (median of several runs; a fresh output directory
#    for each run) beside a hello-world JVM, with `java -jar` (default JVM flags) and with
#    bin/sqlagen (the launcher's flags), and the up-to-date rerun; peak RSS with GNU time;
# 4. measures each stage in-process with JMH (bench/src/main/java/dev/sqlagen/bench);
# 5. compares with sqlacodegen on the 1,000-model schema (bench/sqlacodegen.sh);
# 6. writes everything to bench/target/results/ and prints bench/target/results/summary.md.
#
# --quick: fewer runs, no 10,000-model process timings, JMH on blog and 1,000 models only.
# BASELINE_JAR=path/to/other/sqlagen.jar adds a `java -jar BASELINE_JAR` row to every timing,
# measured in the same run (how the before/after figures of docs/performance.md were taken).
# Needs: Java 17, Maven, Python 3 (for the summary and sqlacodegen), hyperfine and GNU time
# (Debian: apt-get install hyperfine time; installed here when run as root).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false build=true jmh=true sqlacodegen=true
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --no-build) build=false ;;
    --no-jmh) jmh=false ;;
    --no-sqlacodegen) sqlacodegen=false ;;
    *) echo "usage: bench/run.sh [--quick] [--no-build] [--no-jmh] [--no-sqlacodegen]" >&2; exit 2 ;;
  esac
done

results=bench/target/results
schemas=bench/target/schemas
work=bench/target/work
mkdir -p "$results" "$schemas" "$work"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine || [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" -eq 0 ] && need apt-get; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine time >/dev/null
  else
    echo "bench/run.sh: needs hyperfine and GNU time (apt-get install hyperfine time)" >&2
    exit 1
  fi
fi

if $build; then
  echo "== build"
  mvn -B -q package -DskipTests -DskipITs
  mvn -B -q -f bench/pom.xml package
fi
bench_cp=bench/target/benchmarks.jar:target/sqlagen.jar

echo "== machine"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpus: $(nproc)"
  echo "memory: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
  echo "java: $(java -version 2>&1 | head -n 1)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "class-data-sharing archive: $([ -f target/sqlagen.jsa ] && echo target/sqlagen.jsa || echo none)"
} | tee "$results/machine.txt"

echo "== schemas"
sizes="100 1000 10000"
for n in $sizes; do
  java -cp bench/target/benchmarks.jar dev.sqlagen.bench.SchemaGenerator "$n" 42 "$schemas/synth$n.sqd"
done
wc -lc "$schemas"/*.sqd | tee "$results/schemas.txt"

hello=(java -cp bench/target/classes dev.sqlagen.bench.Hello)

# time NAME SCHEMA RUNS: hello world, java -jar, bin/sqlagen (and the baseline jar), fresh output.
time_schema() {
  local name=$1 schema=$2 runs=$3 dir="$work/out/$1"
  local args=(-N --warmup 2 --runs "$runs" --export-json "$results/time-$name.json"
    --prepare "rm -rf $dir" -n "hello world" "${hello[*]}"
    --prepare "rm -rf $dir" -n "java -jar" "java -jar target/sqlagen.jar $schema -o $dir"
    --prepare "rm -rf $dir" -n "bin/sqlagen" "bin/sqlagen $schema -o $dir")
  if [ -n "${BASELINE_JAR:-}" ]; then
    args+=(--prepare "rm -rf $dir" -n "baseline java -jar" "java -jar $BASELINE_JAR $schema -o $dir")
  fi
  hyperfine "${args[@]}"
}

# The rerun that finds everything up to date (what a build runs when nothing changed).
time_up_to_date() {
  local name=$1 schema=$2 runs=$3 dir="$work/current/$1"
  rm -rf "$dir"
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$results/uptodate-$name.json" \
    --setup "bin/sqlagen $schema -o $dir" -n "bin/sqlagen, up to date" "bin/sqlagen $schema -o $dir"
}

# Peak RSS (GNU time's maximum resident set size), the median of three runs.
rss() {
  local name=$1 label=$2 schema=$3; shift 3
  local dir="$work/rss/$name" values=()
  for _ in 1 2 3; do
    rm -rf "$dir"
    /usr/bin/time -f '%M' -o "$work/rss.kib" "$@" "$schema" -o "$dir" >/dev/null 2>&1
    values+=("$(tail -n 1 "$work/rss.kib")")
  done
  printf '%s\t%s\t%s\n' "$name" "$label" "$(printf '%s\n' "${values[@]}" | sort -n | sed -n 2p)" >>"$results/rss.tsv"
}

echo "== whole-process timings"
rm -f "$results"/time-*.json "$results"/uptodate-*.json "$results/rss.tsv"
if $quick; then r_small=5 r_100=5 r_1000=3 r_10000=0; else r_small=20 r_100=10 r_1000=10 r_10000=5; fi
for example in blog saas shop; do
  time_schema "$example" "examples/$example/$example.sqd" "$r_small"
done
time_schema synth100 "$schemas/synth100.sqd" "$r_100"
time_schema synth1000 "$schemas/synth1000.sqd" "$r_1000"
[ "$r_10000" -gt 0 ] && time_schema synth10000 "$schemas/synth10000.sqd" "$r_10000"
time_up_to_date blog examples/blog/blog.sqd "$r_small"
time_up_to_date synth1000 "$schemas/synth1000.sqd" "$r_1000"

# Planning a revision: the 1,000-model package with its first revision, and the schema with 100
# changes (SchemaChanges); each run plans and writes the next revision in a fresh copy.
echo "== revision planning"
java -cp bench/target/benchmarks.jar dev.sqlagen.bench.SchemaChanges 100 "$schemas/synth1000.sqd" "$schemas/synth1000-next.sqd"
rm -rf "$work/revision" && mkdir -p "$work/revision"
bin/sqlagen "$schemas/synth1000.sqd" -o "$work/revision/base/app" >/dev/null
hyperfine -N --warmup 1 --runs "$r_1000" --export-json "$results/revision-synth1000.json" \
  -n "hello world" "${hello[*]}" \
  --prepare "rm -rf $work/revision/run && cp -r $work/revision/base $work/revision/run" \
  -n "bin/sqlagen revision, 100 changes" "bin/sqlagen revision $schemas/synth1000-next.sqd -o $work/revision/run/app -m bench" \
  --prepare "rm -rf $work/revision/run && cp -r $work/revision/base $work/revision/run" \
  -n "bin/sqlagen, same package" "bin/sqlagen $schemas/synth1000-next.sqd -o $work/revision/run/app"

echo "== start-up split: the same work without picocli (PlainMain), each with its own CDS archive"
flags=(-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn128m -Xlog:cds=off -Xlog:cds+dynamic=off)
rm -rf "$work/plain" bench/target/plain.jsa
java "${flags[@]}" -XX:ArchiveClassesAtExit=bench/target/plain.jsa -cp "$bench_cp" dev.sqlagen.bench.PlainMain \
  examples/blog/blog.sqd "$work/plain/blog" >/dev/null
hyperfine -N --warmup 2 --runs "$r_small" --export-json "$results/startup-split.json" \
  --prepare "rm -rf $work/plain/blog" -n "hello world" "${hello[*]}" \
  --prepare "rm -rf $work/plain/blog" -n "PlainMain (no picocli)" \
  "java ${flags[*]} -XX:SharedArchiveFile=bench/target/plain.jsa -cp $bench_cp dev.sqlagen.bench.PlainMain examples/blog/blog.sqd $work/plain/blog" \
  --prepare "rm -rf $work/plain/blog" -n "bin/sqlagen" "bin/sqlagen examples/blog/blog.sqd -o $work/plain/blog"

echo "== peak RSS"
for target in blog:examples/blog/blog.sqd synth1000:$schemas/synth1000.sqd synth10000:$schemas/synth10000.sqd; do
  name=${target%%:*} schema=${target#*:}
  if $quick && [ "$name" = synth10000 ]; then continue; fi
  rss "$name" "java -jar" "$schema" java -jar target/sqlagen.jar
  rss "$name" "bin/sqlagen" "$schema" bin/sqlagen
  if [ -n "${BASELINE_JAR:-}" ]; then rss "$name" "baseline java -jar" "$schema" java -jar "$BASELINE_JAR"; fi
done
cat "$results/rss.tsv"

echo "== cold stages in one process (StageTimes, launcher flags)"
: >"$results/stages-cold.txt"
for schema in examples/blog/blog.sqd "$schemas/synth1000.sqd" "$schemas/synth10000.sqd"; do
  rm -rf "$work/stages"
  printf '%s: ' "$(basename "$schema")" >>"$results/stages-cold.txt"
  java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn128m -cp "$bench_cp" dev.sqlagen.bench.StageTimes "$schema" "$work/stages/out" >>"$results/stages-cold.txt"
done
cat "$results/stages-cold.txt"

echo "== Maven plugin: the generate goal on an up-to-date package, in-process (MojoUpToDateTiming)"
api="${MAVEN_REPO:-$HOME/.m2/repository}/org/apache/maven/maven-plugin-api/3.8.7/maven-plugin-api-3.8.7.jar"
if [ -d target/test-classes/dev/sqlagen/maven ] && [ -f "$api" ]; then
  mojo_cp="bench/target/mojo-classes:target/classes:target/test-classes:$api:target/sqlagen.jar"
  mkdir -p bench/target/mojo-classes
  javac -d bench/target/mojo-classes -cp "$mojo_cp" bench/mojo/dev/sqlagen/maven/MojoUpToDateTiming.java
  : >"$results/maven-plugin.txt"
  for schema in examples/blog/blog.sqd "$schemas/synth1000.sqd"; do
    rm -rf "$work/mojo"
    java -cp "$mojo_cp" dev.sqlagen.maven.MojoUpToDateTiming "$schema" "$work/mojo" 30 | tee -a "$results/maven-plugin.txt"
  done
else
  echo "skipped: needs the Maven plugin's classes (target/test-classes) and $api"
fi

if $jmh; then
  echo "== JMH: each stage, warmed up"
  jmh_args=(StageBenchmark -rf json -rff "$results/jmh.json")
  if $quick; then jmh_args+=(-p schema=blog,1000 -wi 2 -w 1 -i 3 -r 1); fi
  java -cp "$bench_cp" org.openjdk.jmh.Main "${jmh_args[@]}" | tee "$results/jmh.txt"
fi

if $sqlacodegen; then
  echo "== sqlacodegen"
  bench/sqlacodegen.sh "$schemas/synth1000.sqd" "$([ "$quick" = true ] && echo 3 || echo 5)"
fi

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/machine.txt"
python3 bench/summarize.py "$results" >"$results/summary.md"
cat "$results/summary.md"
