#!/usr/bin/env python3
"""1,000 edit → rebuild → reload cycles against `roster serve` with a browser-like event-stream
client connected; memory and open file descriptors must stay flat.

    reload_cycles.py [--cycles 1000]
"""
import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ROSTER = os.path.join(ROOT, ".build", "release", "roster")


def usage(pid):
    rss = 0
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
    return rss, len(os.listdir(f"/proc/{pid}/fd"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cycles", type=int, default=1000)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="roster-cycles-")
    site = os.path.join(folder, "site")
    subprocess.run([ROSTER, "init", site], check=True, stdout=subprocess.DEVNULL)
    server = subprocess.Popen([ROSTER, "serve", "--site", site, "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    port = None
    for line in server.stdout:
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if match:
            port = int(match.group(1))
            break
    import threading
    threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
    client = socket.create_connection(("127.0.0.1", port))
    client.sendall(b"GET /__roster/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
    client.settimeout(15)
    buffer = b""
    path = os.path.join(site, "Content", "articles", "first-departure.md")
    original = open(path, encoding="utf-8").read()
    samples = {}
    reloads = 0
    started = time.time()
    try:
        for cycle in range(1, args.cycles + 1):
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(original + f"\nCycle {cycle}.\n")
            # Wait for this cycle's reload (the full rebuild's event carries the newest generation).
            while buffer.count(b"event: reload") < 1:
                buffer += client.recv(65536)
            reloads += buffer.count(b"event: reload")
            buffer = b""
            time.sleep(0.12)  # let the burst's full rebuild finish
            if cycle in (100, args.cycles // 2, args.cycles):
                samples[cycle] = usage(server.pid)
                print(f"cycle {cycle}: RSS {samples[cycle][0]:.1f} MB, {samples[cycle][1]} open fds", flush=True)
    finally:
        client.close()
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    first, last = samples[100], samples[args.cycles]
    print(f"{args.cycles} cycles in {time.time() - started:.0f} s, {reloads} reload events; "
          f"RSS {first[0]:.1f} → {last[0]:.1f} MB, fds {first[1]} → {last[1]}")
    flat = last[0] - first[0] < 20 and last[1] - first[1] <= 2
    print("reload cycles: " + ("passed" if flat else "FAILED (memory or descriptors grew)"))
    return 0 if flat else 1


if __name__ == "__main__":
    sys.exit(main())
