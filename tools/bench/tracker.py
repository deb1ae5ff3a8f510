#!/usr/bin/env python3
"""Writes a synthetic talent tracker: many people, many organisations, many cohorts.

    tracker.py OUT [--people 25000] [--companies 700] [--cohorts 700] [--articles 200]

OUT is a Roster site (Content/ + the shipped Templates/). People have 1 to 6 stints with year,
month and day dates, some unknown starts and ends, and some boomerangs (back at an earlier
organisation). Organisations are drawn with a long tail, so the largest has thousands of people.
Cohorts (5 to 3,000 members) are people at one organisation on one date. Deterministic: the same
arguments give the same files.
"""
import argparse
import os
import random
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIRST = ("Ada Alan Grace Edsger Barbara Donald Frances John Margaret Ken Radia Tim Vint Leslie Shafi Fei-Fei "
         "Yann Yoshua Geoffrey Timothée Hugo Zoë Élodie Søren Chloé Mateo Ines Kenji Amara Ravi").split()
LAST = ("Lovelace Turing Hopper Dijkstra Liskov Knuth Allen Backus Hamilton Thompson Perlman Berners-Lee Cerf "
        "Lamport Goldwasser Li LeCun Bengio Hinton Lacroix Touvron Núñez Åberg Müller Dubois Rossi Sato Okafor Iyer").split()
KINDS = ["lab", "start-up", "company", "university", "non-profit"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--people", type=int, default=25_000)
    parser.add_argument("--companies", type=int, default=700)
    parser.add_argument("--cohorts", type=int, default=700)
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(11)
    out = args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    content = os.path.join(out, "Content")
    for folder in ("authors", "companies", "articles", "pages"):
        os.makedirs(os.path.join(content, folder))
    shutil.copytree(os.path.join(ROOT, "Templates"), os.path.join(out, "Templates"))

    companies = [f"org-{index:04d}" for index in range(args.companies)]
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(len(companies))]
    for index, slug in enumerate(companies):
        with open(os.path.join(content, "companies", slug + ".md"), "w") as f:
            f.write(f"---\nname: Organisation {index}\nkind: {KINDS[index % len(KINDS)]}\n"
                    f"founded: {1950 + index % 70}\n---\nOrganisation {index}.\n")

    def date(year):
        kind = rng.random()
        if kind < 0.5:
            return str(year)
        if kind < 0.85:
            return f"{year}-{rng.randint(1, 12):02d}"
        return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"

    people = []
    # company -> list of (person slug, start year, end year or None)
    at = {slug: [] for slug in companies}
    used = set()
    for index in range(args.people):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {index}"
        slug = f"person-{index:05d}"
        used.add(slug)
        year = rng.randint(2000, 2016)
        stints = []
        count = rng.choices([1, 2, 3, 4, 5, 6], [20, 30, 25, 12, 8, 5])[0]
        history = []
        for number in range(count):
            if history and rng.random() < 0.1:
                company = rng.choice(history)          # a boomerang
            else:
                company = rng.choices(companies, weights)[0]
            if stints and stints[-1][0] == company:
                continue
            length = rng.randint(1, 6)
            last = number == count - 1
            end = None if last and rng.random() < 0.7 else min(year + length, 2025)
            start_text = "unknown" if number == 0 and rng.random() < 0.05 else date(year)
            end_text = None if end is None else ("unknown" if rng.random() < 0.03 else date(end))
            stints.append((company, start_text, end_text, year, end))
            history.append(company)
            at[company].append((slug, year, end))
            if end is None or end >= 2025:
                break
            year = end
        people.append((slug, name, stints))

    with open(os.path.join(content, "sources.yml"), "w") as f:
        f.write("registry:\n  title: The public registry\n  publisher: Example\n  date: 2025-01\n"
                "  url: https://example.org/registry\n")

    for slug, name, stints in people:
        lines = ["---", f"name: {name}", "career:"]
        for company, start, end, _, _ in stints:
            lines.append(f"  - company: {company}")
            lines.append(f"    start: {start}")
            if end is not None:
                lines.append(f"    end: {end}")
            lines.append("    confidence: inferred")
            lines.append("    note: generated for the benchmark")
        lines += ["---", f"{name} is a researcher.", ""]
        with open(os.path.join(content, "authors", slug + ".md"), "w") as f:
            f.write("\n".join(lines))

    # Cohorts: the people at one organisation in one year, 5 to 3,000 of them.
    cohorts = []
    attempts = 0
    while len(cohorts) < args.cohorts and attempts < args.cohorts * 50:
        attempts += 1
        # The first few are the largest organisation's staff (up to 3,000); the rest, anyone's.
        big = len(cohorts) < 3
        company = companies[0] if big else rng.choices(companies, weights)[0]
        year = rng.randint(2012, 2016) if big else rng.randint(2005, 2020)
        there = sorted({slug for slug, start, end in at[company] if start <= year and (end is None or end > year)})
        if len(there) < 5:
            continue
        size = min(len(there), 3000 if big else int(rng.lognormvariate(3.3, 1.1)) + 5)
        members = rng.sample(there, size)
        # Two samples of one organisation's staff in one year are told apart by name (Roster warns
        # about cohorts that share one).
        name = f"{company} staff in {year}"
        taken = sum(1 for cohort in cohorts if cohort[1] == name or cohort[1].startswith(name + " ("))
        cohorts.append((f"cohort-{len(cohorts):03d}", name if taken == 0 else f"{name} ({taken + 1})", company, f"{year}-06-01", members))
    with open(os.path.join(content, "site.yml"), "w") as f:
        f.write("title: A talent tracker\nbase_url: https://example.org/tracker/\nas_of: 2025-06-01\n"
                "paginate: 50\nsearch: false\ncohorts:\n")
        for slug, name, origin, when, members in cohorts:
            f.write(f"  - slug: {slug}\n    name: {name}\n    origin: {origin}\n    date: {when}\n"
                    f"    members: [{', '.join(members)}]\n")

    for index in range(args.articles):
        person = rng.choice(people)
        cohort = rng.choice(cohorts)
        with open(os.path.join(content, "articles", f"note-{index:03d}.md"), "w") as f:
            f.write(f"---\ntitle: Note {index}\ndate: 2024-{1 + index % 12:02d}-{1 + index % 28:02d}\n"
                    f"tags: [notes]\n---\nA note on [{person[1]}](author:{person[0]}) and "
                    f"[the cohort](cohort:{cohort[0]}).\n\n![Where they went](chart:destinations/{cohort[0]})\n")
    sizes = sorted(len(c[4]) for c in cohorts)
    print(f"{args.people} people, {len(companies)} organisations, {sum(len(p[2]) for p in people)} stints, "
          f"{len(cohorts)} cohorts of {sizes[0]} to {sizes[-1]} members, {args.articles} articles in {out}")


if __name__ == "__main__":
    main()
