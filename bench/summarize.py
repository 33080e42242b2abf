#!/usr/bin/env python3
"""Turns the raw results of bench/run.sh (hyperfine and JMH JSON, GNU time) into Markdown tables.

Usage: python3 bench/summarize.py bench/target/results > bench/target/results/summary.md
"""

import json
import sys
from pathlib import Path

SCHEMAS = ["blog", "saas", "shop", "synth100", "synth1000", "synth10000"]
STAGES = ["parse", "check", "plan", "render", "write", "compile", "upToDate"]


def load(path):
    return json.loads(path.read_text()) if path.exists() else None


def ms(seconds):
    return f"{seconds * 1000:,.0f}"


def timings(results):
    """name -> command -> hyperfine result, for every time-NAME.json."""
    table = {}
    for name in SCHEMAS:
        data = load(results / f"time-{name}.json")
        if data:
            table[name] = {r["command"]: r for r in data["results"]}
    return table


def process_table(table):
    commands = ["hello world", "java -jar", "bin/sqlagen"]
    if any("baseline java -jar" in rows for rows in table.values()):
        commands.append("baseline java -jar")
    out = ["| schema | " + " | ".join(commands) + " | bin/sqlagen ÷ hello world |",
           "|---|" + "---:|" * (len(commands) + 1)]
    for name, rows in table.items():
        cells = []
        for command in commands:
            r = rows.get(command)
            cells.append(f"{ms(r['median'])} ({ms(r['user'] + r['system'])} CPU)" if r else "")
        ratio = rows["bin/sqlagen"]["median"] / rows["hello world"]["median"]
        out.append(f"| {name} | " + " | ".join(cells) + f" | {ratio:.1f}x |")
    return out


def linearity(table):
    """Cost above start-up: (t(N) - t(hello world)) for each synthetic size, and its growth."""
    out = ["| command | 100 → 1,000 models | 1,000 → 10,000 models |", "|---|---:|---:|"]
    for command in ["java -jar", "bin/sqlagen"]:
        above = {}
        for n in ["synth100", "synth1000", "synth10000"]:
            rows = table.get(n)
            if rows and command in rows:
                above[n] = rows[command]["median"] - rows["hello world"]["median"]
        cells = []
        for small, big in [("synth100", "synth1000"), ("synth1000", "synth10000")]:
            cells.append(f"{above[big] / above[small]:.1f}x" if small in above and big in above else "")
        out.append(f"| {command} | " + " | ".join(cells) + " |")
    return out


def startup_split(results):
    data = load(results / "startup-split.json")
    if not data:
        return []
    out = ["| command (blog) | median | CPU (user + sys) |", "|---|---:|---:|"]
    for r in data["results"]:
        out.append(f"| {r['command'] if len(r['command']) < 40 else r['command'][:37] + '...'} | {ms(r['median'])} ms | {ms(r['user'] + r['system'])} ms |")
    return out


def up_to_date(results):
    out = ["| schema | median | CPU (user + sys) |", "|---|---:|---:|"]
    for name in SCHEMAS:
        data = load(results / f"uptodate-{name}.json")
        if data:
            r = data["results"][0]
            out.append(f"| {name} | {ms(r['median'])} ms | {ms(r['user'] + r['system'])} ms |")
    return out


def revision(results):
    """Planning and writing a revision of 100 changes to the 1,000-model package."""
    data = load(results / "revision-synth1000.json")
    if not data:
        return []
    by_name = {r["command"]: r for r in data["results"]}
    hello = by_name.get("hello world")
    out = ["| run | median | above hello world | CPU (user + sys) |", "|---|---:|---:|---:|"]
    for name, r in by_name.items():
        above = f"{ms(r['median'] - hello['median'])} ms" if hello and r is not hello else ""
        out.append(f"| {name} | {ms(r['median'])} ms | {above} | {ms(r['user'] + r['system'])} ms |")
    return out


def rss(results):
    path = results / "rss.tsv"
    if not path.exists():
        return []
    out = ["| schema | command | peak RSS |", "|---|---|---:|"]
    for line in path.read_text().splitlines():
        name, command, kib = line.split("\t")
        out.append(f"| {name} | {command} | {int(kib) / 1024:,.0f} MiB |")
    return out


def jmh(results):
    data = load(results / "jmh.json")
    if not data:
        return []
    scores = {}
    for entry in data:
        stage = entry["benchmark"].rsplit(".", 1)[1]
        schema = entry["params"]["schema"]
        metric = entry["primaryMetric"]
        scores[(stage, schema)] = (metric["score"], metric["scoreError"])
    schemas = [s for s in ["blog", "100", "1000", "10000"] if any(k[1] == s for k in scores)]
    out = ["| stage | " + " | ".join(schemas) + " | 10,000 ÷ 1,000 |", "|---|" + "---:|" * (len(schemas) + 1)]
    for stage in STAGES:
        if not any(k[0] == stage for k in scores):
            continue
        cells = []
        for s in schemas:
            score = scores.get((stage, s))
            cells.append(f"{score[0]:,.2f} ± {score[1]:,.2f}" if score else "")
        big, small = scores.get((stage, "10000")), scores.get((stage, "1000"))
        growth = f"{big[0] / small[0]:.1f}x" if big and small else ""
        out.append(f"| {stage} | " + " | ".join(cells) + f" | {growth} |")
    return out


def sqlacodegen(results):
    data = load(results / "sqlacodegen.json")
    if not data:
        return []
    rows = data["results"]
    theirs = next(r for r in rows if r["command"].startswith("sqlacodegen"))
    ours = next(r for r in rows if r["command"].startswith("bin/sqlagen"))
    out = ["| command | median | CPU (user + sys) |", "|---|---:|---:|"]
    for r in (theirs, ours):
        out.append(f"| {r['command']} | {ms(r['median'])} ms | {ms(r['user'] + r['system'])} ms |")
    out.append("")
    out.append(f"sqlagen is **{theirs['median'] / ours['median']:.1f}x** faster (medians; "
               f"{(theirs['user'] + theirs['system']) / (ours['user'] + ours['system']):.1f}x in CPU time).")
    sizes = results / "sqlacodegen.txt"
    if sizes.exists():
        out.append("")
        out.extend("    " + line for line in sizes.read_text().splitlines())
    return out


def main():
    results = Path(sys.argv[1])
    table = timings(results)
    sections = [
        ("Machine", ["    " + line for line in (results / "machine.txt").read_text().splitlines()]
         if (results / "machine.txt").exists() else []),
        ("Whole process, fresh output directory: median ms (user + sys CPU ms)", process_table(table)),
        ("Cost above start-up as the schema grows (median minus hello world)", linearity(table)),
        ("Start-up split: the blog run without picocli (both with CDS and the launcher's flags)",
         startup_split(results)),
        ("Rerun into an up-to-date directory (bin/sqlagen)", up_to_date(results)),
        ("A revision of 100 changes to the 1,000-model package (target: under 1 s above start-up)",
         revision(results)),
        ("Peak RSS (median of 3)", rss(results)),
        ("Cold stages in one process (StageTimes, ms)",
         ["    " + line for line in (results / "stages-cold.txt").read_text().splitlines()]
         if (results / "stages-cold.txt").exists() else []),
        ("Maven plugin: generate on an up-to-date package, in-process (MojoUpToDateTiming)",
         ["    " + line for line in (results / "maven-plugin.txt").read_text().splitlines()]
         if (results / "maven-plugin.txt").exists() else []),
        ("JMH, warmed up: ms/op (score ± 99.9% error)", jmh(results)),
        ("sqlacodegen on the same tables", sqlacodegen(results)),
    ]
    for title, lines in sections:
        if lines:
            print(f"### {title}\n")
            print("\n".join(lines))
            print()


if __name__ == "__main__":
    main()
