#!/usr/bin/env python3
"""Where a phase of a build spends its time, from a `perf record -g` profile.

    perf record -F 2000 -g -o perf.data .build/release/roster build --quiet --site SITE --output /dev/shm/out
    python3 tools/bench/perf_phases.py perf.data 'BodyRenderer.render\(' [N]

Keeps the samples whose call stack passes through a frame matching the regular expression (a phase:
`BodyRenderer` for markdown, `SiteRenderer.render` for render, `SiteLoader` for load) and prints the
top N leaf functions and the top inclusive ones among them. Libraries built without frame pointers
(cmark-gfm, glibc) break the stacks; record with `--call-graph dwarf` to see through them.
"""
import collections
import re
import signal
import subprocess
import sys

signal.signal(signal.SIGPIPE, signal.SIG_DFL)
data, phase = sys.argv[1], re.compile(sys.argv[2])
n = int(sys.argv[3]) if len(sys.argv) > 3 else 30
out = subprocess.run(["perf", "script", "-i", data, "-F", "ip,sym,dso", "--no-demangle"], capture_output=True, text=True).stdout
dem = {}
samples = []
cur = []
for line in out.split("\n"):
    if not line.strip():
        if cur: samples.append(cur)
        cur = []
        continue
    parts = line.strip().split(None, 1)
    sym = parts[1] if len(parts) > 1 else "?"
    sym = re.sub(r"\+0x[0-9a-f]+", "", sym)
    cur.append(sym)
if cur: samples.append(cur)
syms = set(s for st in samples for s in st)
proc = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(syms), capture_output=True, text=True)
for a, b in zip(sorted(syms, key=lambda x: list(syms).index(x)) if False else list(syms), proc.stdout.split("\n")):
    dem[a] = b
total = len(samples)
inphase = [st for st in samples if any(phase.search(dem.get(s, s)) for s in st)]
print(f"samples {total}, in phase {len(inphase)} ({100*len(inphase)/total:.1f}%)")
leaf = collections.Counter(dem.get(st[0], st[0])[:140] for st in inphase)
incl = collections.Counter()
for st in inphase:
    seen = set()
    for s in st:
        d = dem.get(s, s)[:140]
        if d not in seen:
            seen.add(d); incl[d] += 1
print("--- leaf")
for k, v in leaf.most_common(n): print(f"{100*v/len(inphase):6.1f}% {k}")
print("--- inclusive")
for k, v in incl.most_common(n*2): print(f"{100*v/len(inphase):6.1f}% {k}")
