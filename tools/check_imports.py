#!/usr/bin/env python3
"""Every module a target imports must be a dependency it declares in Package.swift.

SwiftPM builds targets in parallel, so an undeclared import can compile on one machine (the module
happened to be built first) and fail on another with "no such module". This check makes that a test
failure everywhere. Run by `make test`; exits 1 and names the file and line of each undeclared import.
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Modules that come with the toolchain or the platform, never declared.
PLATFORM = {"Foundation", "FoundationXML", "FoundationNetworking", "Glibc", "Darwin", "Dispatch",
            "XCTest", "Testing", "PackageDescription", "_Concurrency", "Synchronization"}
TARGET = re.compile(r'\.(?:target|testTarget|executableTarget|systemLibrary)\(\s*name:\s*"([^"]+)"')
IMPORT = re.compile(r'^\s*(?:@testable\s+|@_exported\s+|@preconcurrency\s+)*import\s+(?:(?:struct|class|enum|func|protocol|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)', re.M)


def call_arguments(text: str, start: int) -> str:
    """The rest of a call's argument list from `start`, up to its balancing parenthesis."""
    depth = 1
    for index in range(start, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return text[start:index]
    return text[start:]


def declared_targets(package_file: Path):
    text = package_file.read_text()
    targets = {}
    for match in TARGET.finditer(text):
        name, rest = match.group(1), call_arguments(text, match.end())
        deps = set()
        if "dependencies:" in rest:
            deps |= set(re.findall(r'\.product\(name:\s*"([^"]+)"', rest))
            rest = re.sub(r'\.product\([^)]*\)', "", rest)
            deps |= set(re.findall(r'"([^"]+)"', rest.split("dependencies:", 1)[1]))
        targets[name] = deps
    return targets


def folder_of(package_root: Path, name: str):
    for parent in ("Sources", "Tests"):
        folder = package_root / parent / name
        if folder.is_dir():
            return folder
    return None


def check(package_root: Path, extra_modules=()):
    targets = declared_targets(package_root / "Package.swift")
    problems = []
    for name, deps in sorted(targets.items()):
        folder = folder_of(package_root, name)
        if folder is None:
            continue
        for source in sorted(folder.rglob("*.swift")):
            for number, line in enumerate(source.read_text().splitlines(), 1):
                match = IMPORT.match(line)
                if not match:
                    continue
                module = match.group(1)
                if module in PLATFORM or module == name or module in deps:
                    continue
                # A product of the main package (Fuzz/ uses RosterStages) provides its targets' modules.
                if any(module in provided for product, provided in extra_modules if product in deps):
                    continue
                problems.append(f"{source.relative_to(ROOT)}:{number}: target {name} imports {module} "
                                f"but does not list it in its dependencies")
    return problems


def main():
    libraries = [(name, set(re.findall(r'"([^"]+)"', modules))) for name, modules in
                 re.findall(r'\.library\(\s*name:\s*"([^"]+)",\s*targets:\s*\[([^\]]*)\]', (ROOT / "Package.swift").read_text())]
    problems = check(ROOT) + check(ROOT / "Fuzz", libraries)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} undeclared import(s): add them to the target's dependencies in Package.swift",
              file=sys.stderr)
        return 1
    print("imports: every import is a declared dependency")
    return 0


if __name__ == "__main__":
    sys.exit(main())
