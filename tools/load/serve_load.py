#!/usr/bin/env python3
"""Load on `roster serve`: wrk for 30 s at 64 connections on loopback against a 10,000-article site
while an article is edited every second. Passes with 0 socket errors and only 200/304 responses.

    serve_load.py [--seconds 30] [--connections 64] [--articles 10000]
"""
import argparse
import os
import re
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ROSTER = os.path.join(ROOT, ".build", "release", "roster")


def start_server(site):
    process = subprocess.Popen([ROSTER, "serve", "--site", site, "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    for line in process.stdout:
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if match:
            threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()
            return process, int(match.group(1))
    sys.exit("roster serve did not start")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--articles", type=int, default=10000)
    args = parser.parse_args()
    shm = "/dev/shm/roster-load"
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "bench", "generate.py"), shm,
                    "--articles", str(args.articles)], check=True)
    site = os.path.join(shm, "roster")
    server, port = start_server(site)
    stop = threading.Event()
    edits = []

    def edit():
        path = os.path.join(site, "Content", "articles", "article-00042.md")
        original = open(path, encoding="utf-8").read()
        index = 0
        while not stop.wait(1.0):
            index += 1
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(original + f"\nEdit number {index}.\n")
            edits.append(index)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(original)

    editor = threading.Thread(target=edit)
    editor.start()
    try:
        result = subprocess.run(["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--timeout", "10s",
                                 "-s", os.path.join(os.path.dirname(__file__), "pages.lua"), f"http://127.0.0.1:{port}/"],
                                capture_output=True, text=True)
    finally:
        stop.set()
        editor.join()
        server.terminate()
        server.wait(timeout=30)
    print(result.stdout)
    statuses = {int(code): int(count) for code, count in re.findall(r"status (\d+): (\d+)", result.stdout)}
    errors = [int(n) for n in re.findall(r"socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", result.stdout)[0]]
    bad = {code: count for code, count in statuses.items() if code not in (200, 304)}
    print(f"{len(edits)} edits during the run; statuses {dict(sorted(statuses.items()))}; socket errors {sum(errors)}")
    if sum(errors) or bad or not statuses:
        print("serve load: FAILED")
        return 1
    print("serve load: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
