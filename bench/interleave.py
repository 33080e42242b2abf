#!/usr/bin/env python3
"""Interleaved timing of shell commands: one run of each in turn, repeated, so that a machine
whose speed drifts (other jobs, a noisy neighbour) slows every command alike. A/B comparisons in
docs/performance.md use it; hyperfine runs all of one command before the next.

Usage: bench/interleave.py RUNS COMMAND...   (one warm-up round is not counted)
Prints the median, minimum and maximum wall time of each command in milliseconds.
"""
import statistics
import subprocess
import sys
import time


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    runs = int(sys.argv[1])
    commands = sys.argv[2:]
    times: dict[str, list[float]] = {command: [] for command in commands}
    for round_number in range(runs + 1):
        for command in commands:
            start = time.perf_counter()
            subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL)
            if round_number > 0:
                times[command].append((time.perf_counter() - start) * 1000)
    for command in commands:
        values = times[command]
        print(f"median {statistics.median(values):8.1f}  min {min(values):8.1f}  max {max(values):8.1f} ms  {command}")


if __name__ == "__main__":
    main()
