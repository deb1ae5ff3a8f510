#!/usr/bin/env python3
"""`make bench`: Roster against Hugo on the same 10,000 articles, and against the floor.

Generates the synthetic report (generate.py), then times Roster and Hugo side by side, interleaved,
both writing to a tmpfs folder (/dev/shm) so the disk's noise does not decide the ratio, and once more
on disk. Prints one table: medians, pages per second, peak RSS, Roster's time per phase, and the floor
(cmark-gfm's own time for the same Markdown divided by the cores, plus the time to write the same bytes).
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ROSTER = os.path.join(ROOT, ".build", "release", "roster")


def run(command, cwd=None):
    """Runs a command; returns (seconds, peak RSS in MB, stdout)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    out = process.stdout.read()
    err = process.stderr.read()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{out}\n{err}")
    return elapsed, usage.ru_maxrss / 1024, out + err


def count_pages(folder):
    return sum(1 for _, _, files in os.walk(folder) for name in files if name.endswith(".html"))


def phases(output):
    found = {}
    for line in output.splitlines():
        match = re.match(r"\s+(\w[\w ]*?)\s+([\d.]+) (ms|s)$", line)
        if match:
            value = float(match.group(2)) / (1000 if match.group(3) == "ms" else 1)
            found[match.group(1)] = value
    return found


def fresh(folder):
    shutil.rmtree(folder, ignore_errors=True)


def serve_latency(site, edits=5):
    """Starts `roster serve` on the site, saves an article, and times until its page is served changed."""
    import urllib.request
    process = subprocess.Popen([ROSTER, "serve", "--site", site, "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    port = None
    for line in process.stdout:
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if match:
            port = int(match.group(1))
            break
    latencies = []
    path = os.path.join(site, "Content", "articles", "article-00042.md")
    with open(path, encoding="utf-8") as handle:
        original = handle.read()
    try:
        for edit in range(edits):
            marker = f"Edited paragraph number {edit} for the benchmark."
            time.sleep(1.0)
            start = time.perf_counter()
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(original + "\n" + marker + "\n")
            deadline = start + 30
            while time.perf_counter() < deadline:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/articles/article-00042/") as response:
                    if marker in response.read().decode():
                        latencies.append(time.perf_counter() - start)
                        break
                time.sleep(0.002)
            # Let the full rebuild that follows finish before the next edit.
            time.sleep(6)
    finally:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(original)
        process.terminate()
        process.wait(timeout=30)
    return latencies or [float("nan")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--articles", type=int, default=10000)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    shm = "/dev/shm/roster-bench"
    disk = os.path.join(ROOT, ".build", "bench")
    subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "generate.py"), shm,
                    "--articles", str(args.articles)], check=True)
    roster_site, hugo_site = os.path.join(shm, "roster"), os.path.join(shm, "hugo")

    results = {"roster": [], "hugo": []}
    memory = {"roster": [], "hugo": []}
    roster_phases = []
    pages = {}
    for run_index in range(args.runs):
        for name in (["roster", "hugo"] if run_index % 2 == 0 else ["hugo", "roster"]):
            out = os.path.join(shm, f"out-{name}")
            if name == "roster":
                # Roster keeps its previous output for hard links; start each run from none, like Hugo.
                fresh(out)
                seconds, rss, text = run([ROSTER, "build", "--verbose", "--site", roster_site, "--output", out])
                roster_phases.append(phases(text))
            else:
                fresh(out)
                seconds, rss, _ = run(["hugo", "--quiet", "--source", hugo_site, "--destination", out])
            results[name].append(seconds)
            memory[name].append(rss)
            pages[name] = count_pages(out)
        print(f"run {run_index + 1}/{args.runs}: roster {results['roster'][-1]:.2f} s, hugo {results['hugo'][-1]:.2f} s", flush=True)

    # Rebuild with the previous output in place (the editor's usual case).
    rebuild_seconds, _, _ = run([ROSTER, "build", "--quiet", "--site", roster_site, "--output", os.path.join(shm, "out-roster")])

    # On disk: fewer runs, for reference.
    disk_results = {"roster": [], "hugo": []}
    for _ in range(max(1, args.runs // 2)):
        for name in ("roster", "hugo"):
            out = os.path.join(disk, f"out-{name}")
            fresh(out)
            os.makedirs(disk, exist_ok=True)
            if name == "roster":
                seconds, _, _ = run([ROSTER, "build", "--quiet", "--site", roster_site, "--output", out])
            else:
                seconds, _, _ = run(["hugo", "--quiet", "--source", hugo_site, "--destination", out])
            disk_results[name].append(seconds)

    # The floor: cmark-gfm on the same Markdown, divided by the cores, plus writing the same bytes.
    markdown = os.path.join(shm, "all.md")
    with open(markdown, "wb") as handle:
        for name in sorted(os.listdir(os.path.join(roster_site, "Content", "articles"))):
            with open(os.path.join(roster_site, "Content", "articles", name), "rb") as source:
                text = source.read()
                handle.write(text.split(b"\n---\n", 1)[-1])
    cmark_times = []
    for _ in range(3):
        start = os.times()
        subprocess.run(["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter",
                        "-e", "tasklist", markdown], stdout=subprocess.DEVNULL, check=True)
        end = os.times()
        cmark_times.append((end.children_user - start.children_user) + (end.children_system - start.children_system))
    copy = os.path.join(shm, "copy")
    write_times = []
    for _ in range(3):
        fresh(copy)
        start = time.perf_counter()
        subprocess.run(["cp", "-r", os.path.join(shm, "out-roster"), copy], check=True)
        write_times.append(time.perf_counter() - start)
    floor = statistics.median(cmark_times) / cores + statistics.median(write_times)

    serve_latencies = serve_latency(roster_site)

    roster = statistics.median(results["roster"])
    hugo = statistics.median(results["hugo"])
    print()
    print(f"{args.articles} articles, {cores} cores, output on tmpfs (/dev/shm), medians of {args.runs} interleaved runs")
    print(f"{'':24}{'seconds':>10}{'pages':>8}{'pages/s':>10}{'peak RSS':>11}{'on disk':>10}")
    for name in ("roster", "hugo"):
        median = statistics.median(results[name])
        print(f"{name:24}{median:>10.2f}{pages[name]:>8}{pages[name] / median:>10.0f}"
              f"{max(memory[name]):>8.0f} MB{statistics.median(disk_results[name]):>9.2f}s")
    print(f"{'roster, rebuild':24}{rebuild_seconds:>10.2f}")
    print(f"{'floor (cmark/cores+write)':24}{floor:>10.2f}   cmark {statistics.median(cmark_times):.2f} s of CPU, write {statistics.median(write_times):.2f} s")
    print()
    print(f"speed-up over Hugo: {hugo / roster:.1f}x (target 8x); Roster / floor: {roster / floor:.1f}x (target 2x); "
          f"peak RSS {max(memory['roster']):.0f} MB (target < 400 MB)")
    print(f"roster serve: an edited article's page is served rewritten {statistics.median(serve_latencies) * 1000:.0f} ms "
          f"after the save (median of {len(serve_latencies)}, max {max(serve_latencies) * 1000:.0f} ms; target 150 ms)")
    names = []
    for entry in roster_phases:
        for key in entry:
            if key not in names:
                names.append(key)
    print("Roster per phase (median): " + ", ".join(
        f"{key} {statistics.median(entry.get(key, 0) for entry in roster_phases):.3f} s" for key in names))


if __name__ == "__main__":
    main()
