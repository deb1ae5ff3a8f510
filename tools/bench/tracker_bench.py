#!/usr/bin/env python3
"""`make bench-tracker`: Roster on a synthetic tracker of 25,000 people; a benchmark, not a test.

Generates the tracker (tracker.py: 25,000 people, 700 organisations, 700 cohorts of 5 to 3,000
members, 200 articles) on tmpfs, builds it three times with --verbose and prints the median time of
each phase, the pages written and the peak RSS; then the largest HTML page and inline SVG, and how
fast `roster serve` shows an edited author's page. Each target of issue 11 is marked met or missed.
"""
import os
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from run import ROSTER, phases, run, serve_latency  # noqa: E402

SITE = "/dev/shm/roster-tracker"


def largest_files(output):
    largest_html, largest_svg = (0, ""), (0, "")
    svg = re.compile(rb"<svg.*?</svg>", re.S)
    for folder, _, files in os.walk(output):
        for name in files:
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            size = os.path.getsize(path)
            if size > largest_html[0]:
                largest_html = (size, path)
            with open(path, "rb") as handle:
                for match in svg.finditer(handle.read()):
                    if len(match.group(0)) > largest_svg[0]:
                        largest_svg = (len(match.group(0)), path)
    return largest_html, largest_svg


def main():
    subprocess.run([sys.executable, os.path.join(HERE, "tracker.py"), SITE], check=True)
    runs = []
    for _ in range(3):
        seconds, rss, cpu, out = run([ROSTER, "build", "--site", SITE, "--verbose"])
        runs.append((seconds, rss, phases(out), out))
    seconds = statistics.median(r[0] for r in runs)
    rss = max(r[1] for r in runs)
    names = list(runs[0][2].keys())
    median_phases = {name: statistics.median(r[2].get(name, 0) for r in runs) for name in names}
    pages = re.search(r"Built (\d+) pages", runs[-1][3])
    print(f"Tracker: 25,000 people, 700 organisations, 700 cohorts, 200 articles ({pages.group(1) if pages else '?'} pages)")
    print(f"  build        {seconds:6.2f} s (median of 3)   peak RSS {rss:.0f} MB")
    for name in names:
        print(f"  {name:<12} {median_phases[name]:6.2f} s")
    (html_size, html_path), (svg_size, svg_path) = largest_files(os.path.join(SITE, "Output"))
    print(f"  largest page {html_size / 1e6:.2f} MB ({os.path.relpath(html_path, SITE)})")
    print(f"  largest SVG  {svg_size / 1e3:.0f} KB ({os.path.relpath(svg_path, SITE)})")
    latencies = [float("nan")] if "--no-serve" in sys.argv else serve_latency(
        SITE, file="Content/authors/person-00042.md", page="/authors/person-00042/", settle=30)
    serve = statistics.median(latencies) * 1000
    print(f"  roster serve shows an edited author in {serve:.0f} ms (median of {len(latencies)})")
    checks = [
        ("whole build <= 15 s", seconds <= 15),
        ("peak RSS < 1.5 GB", rss < 1536),
        ("validate + analyse <= 1 s", median_phases.get("validate", 0) + median_phases.get("analyse", 0) <= 1),
        ("no HTML page over 1 MB", html_size <= 1_000_000),
        ("no SVG over 200 KB", svg_size <= 200_000),
        ("serve shows an edited author <= 150 ms", serve <= 150),
    ]
    for label, ok in checks:
        print(f"  {'met   ' if ok else 'MISSED'} {label}")


if __name__ == "__main__":
    main()
