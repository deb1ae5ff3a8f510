#!/usr/bin/env python3
"""Writes the synthetic benchmark report for Roster and the equivalent site for Hugo.

    generate.py OUT [--articles 10000] [--authors 500] [--companies 100] [--tags 500] [--realistic]

Two corpora: the default one (every article about 4 KB of the same shape), and with --realistic
articles of 1 to 30 KB that hold what real reports hold: long paragraphs with inline links and
emphasis, nested lists, tables of 2 to 12 columns, footnotes, block quotes, code, and internal
author:/company: links (mentions).

OUT/roster is a Roster site (Content/ + the default Templates/); OUT/hugo is a Hugo site with the same
articles (same Markdown bodies, internal links written as plain paths), the same 500-term tag
taxonomy and minimal layouts. Deterministic: the same arguments give the same files.
"""
import argparse
import os
import random
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORDS = ("talent research model team lab start-up paper benchmark training data scaling agent policy "
         "retention departure founder engineer scientist compute inference open weights release "
         "evaluation roadmap hiring offer equity Paris London Toronto review product").split()


def sentence(rng, n=14):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def body(rng, index, authors, companies, link):
    """About 4 KB of GFM: headings, paragraphs with links, a list, a table and a code block."""
    mentioned = rng.sample(authors, rng.randint(1, 3))
    company = rng.choice(companies)
    parts = [f"## Overview {index}\n"]
    people = ", ".join(link("author", slug, name) for slug, name in mentioned)
    parts.append(f"{sentence(rng)} This piece follows {people} and {link('company', company[0], company[1])}. "
                 f"{sentence(rng)} {sentence(rng)}\n")
    parts.append("## Details\n")
    for _ in range(3):
        parts.append(" ".join(sentence(rng) for _ in range(4)) + "\n")
    parts.append("- " + "\n- ".join(sentence(rng, 8) for _ in range(5)) + "\n")
    parts.append("| Year | Moves | Note |\n|---|---:|---|\n" + "\n".join(
        f"| {2015 + k} | {rng.randint(0, 9)} | {sentence(rng, 5)} |" for k in range(6)) + "\n")
    parts.append("### Method\n")
    parts.append(" ".join(sentence(rng) for _ in range(5)) + " See [the paper](https://example.org/paper).\n")
    parts.append("```python\nfor year in range(2015, 2025):\n    print(year, moves[year])\n```\n")
    parts.append("## Outlook\n")
    parts.append(" ".join(sentence(rng) for _ in range(6)) + "\n")
    parts.append("> " + " ".join(sentence(rng) for _ in range(3)) + "\n")
    return "\n".join(parts)


def realistic_body(rng, index, authors, companies, link):
    """1 to 30 KB (most near 4 to 8 KB, a few long): what report articles hold."""
    target = int(min(30_000, max(1_000, rng.lognormvariate(8.6, 0.7))))
    parts = []
    footnotes = []
    size = 0

    def paragraph():
        sentences = []
        for _ in range(rng.randint(3, 9)):
            text = sentence(rng, rng.randint(8, 22))
            roll = rng.random()
            if roll < 0.25:
                slug, name = rng.choice(authors)
                text = text[:-1] + f", according to {link('author', slug, name)}."
            elif roll < 0.4:
                slug, name = rng.choice(companies)
                text = text[:-1] + f" at {link('company', slug, name)}."
            elif roll < 0.5:
                text = text[:-1] + f" (see [the report](https://example.org/r/{rng.randint(1, 999)}))."
            elif roll < 0.6:
                words = text.split(" ")
                k = rng.randrange(len(words))
                words[k] = f"*{words[k]}*" if rng.random() < 0.5 else f"**{words[k]}**"
                text = " ".join(words)
            elif roll < 0.65:
                number = len(footnotes) + 1
                text = text[:-1] + f"[^n{number}]."
                footnotes.append(f"[^n{number}]: {sentence(rng, 12)}")
            sentences.append(text)
        return " ".join(sentences) + "\n"

    def nested_list():
        lines = []
        for _ in range(rng.randint(3, 7)):
            lines.append(("1. " if rng.random() < 0.3 else "- ") + sentence(rng, rng.randint(5, 12)))
            for _ in range(rng.randint(0, 3)):
                lines.append("  - " + sentence(rng, rng.randint(4, 9)))
        return "\n".join(lines) + "\n"

    def table():
        columns = rng.randint(2, 12)
        header = "| " + " | ".join(f"Col {c}" for c in range(columns)) + " |"
        rule = "|" + "|".join(rng.choice(["---", ":--", "--:", ":-:"]) for _ in range(columns)) + "|"
        rows = ["| " + " | ".join(rng.choice(WORDS) if c % 2 == 0 else str(rng.randint(0, 999)) for c in range(columns)) + " |"
                for _ in range(rng.randint(3, 15))]
        return "\n".join([header, rule] + rows) + "\n"

    def quote():
        return "> " + paragraph().strip() + "\n>\n> — " + rng.choice(authors)[1] + "\n"

    def code():
        body = "\n".join(f"moves[{2015 + k}] = {rng.randint(0, 99)}" for k in range(rng.randint(2, 10)))
        return f"```python\n{body}\n```\n"

    parts.append(f"## Overview {index}\n")
    parts.append(paragraph())
    blocks = [paragraph] * 6 + [nested_list, table, quote, code]
    while size < target:
        if rng.random() < 0.15:
            parts.append(f"## {sentence(rng, 4)[:-1]}\n")
        parts.append(rng.choice(blocks)())
        size = sum(len(part) for part in parts)
    if footnotes:
        parts.append("\n".join(footnotes) + "\n")
    return "\n".join(parts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--authors", type=int, default=500)
    parser.add_argument("--companies", type=int, default=100)
    parser.add_argument("--tags", type=int, default=500)
    parser.add_argument("--realistic", action="store_true", help="articles of 1-30 KB, as real reports have")
    args = parser.parse_args()
    make_body = realistic_body if args.realistic else body
    rng = random.Random(2023)
    out = os.path.abspath(args.out)
    shutil.rmtree(out, ignore_errors=True)
    roster, hugo = os.path.join(out, "roster"), os.path.join(out, "hugo")
    for folder in ["Content/authors", "Content/companies", "Content/articles", "Content/pages", "Content/data"]:
        os.makedirs(os.path.join(roster, folder))
    for folder in ["content/articles", "layouts/_default", "layouts/partials"]:
        os.makedirs(os.path.join(hugo, folder))
    shutil.copytree(os.path.join(ROOT, "Templates"), os.path.join(roster, "Templates"))

    companies = [(f"company-{i:03d}", f"Company {i:03d}") for i in range(args.companies)]
    authors = [(f"author-{i:03d}", f"Author {i:03d}") for i in range(args.authors)]
    tags = [f"Topic {i:03d}" for i in range(args.tags)]

    def write(path, text):
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)

    write(os.path.join(roster, "Content/site.yml"),
          "title: Benchmark report\nbase_url: https://example.org/bench/\nas_of: 2025-05-27\n"
          "paginate: 50\nfeed_limit: 50\nsearch: false\ncohorts:\n  - slug: bench\n    name: Benchmark cohort\n"
          f"    origin: {companies[0][0]}\n    date: 2020-01\n    members: [{', '.join(a for a, _ in authors)}]\n")
    write(os.path.join(roster, "Content/sources.yml"),
          "".join(f"source-{i:02d}:\n  title: Source {i}\n  publisher: Press\n  date: 2024-0{1 + i % 9}\n" for i in range(20)))
    for slug, name in companies:
        write(os.path.join(roster, f"Content/companies/{slug}.md"),
              f"---\nname: {name}\nkind: startup\nheadquarters: Paris\nfounded: 2015\n---\n{sentence(rng)}\n")
    for index, (slug, name) in enumerate(authors):
        start = 2012 + index % 8
        # Every stint cites a source, as Roster's evidence rules ask.
        cited = f"    sources: [source-{index % 20:02d}]\n"
        career = f"  - company: {companies[0][0]}\n    start: {start}-0{1 + index % 9}\n"
        if index % 3:
            leave = start + 3 + index % 5
            career += f"    end: {leave}-06\n" + cited
            career += f"  - company: {companies[1 + index % (args.companies - 1)][0]}\n    start: {leave}-07\n" + cited
        else:
            career += cited
        write(os.path.join(roster, f"Content/authors/{slug}.md"),
              f"---\nname: {name}\ncareer:\n{career}---\n{sentence(rng)} {sentence(rng)}\n")

    roster_link = lambda kind, slug, name: f"[{name}]({kind}:{slug})"
    hugo_link = lambda kind, slug, name: f"[{name}](/{'authors' if kind == 'author' else 'companies'}/{slug}/)"
    total = 0
    for index in range(args.articles):
        seed = rng.random()
        date = f"20{15 + index % 10}-{1 + index % 12:02d}-{1 + index % 28:02d}"
        article_tags = rng.sample(tags, rng.randint(1, 3))
        title = f"Article {index:05d}: {rng.choice(WORDS)} and {rng.choice(WORDS)}"
        summary = sentence(rng, 12)
        text_rng = random.Random(seed)
        roster_body = make_body(random.Random(seed), index, authors, companies, roster_link)
        hugo_body = make_body(random.Random(seed), index, authors, companies, hugo_link)
        del text_rng
        tag_list = ", ".join(f'"{t}"' for t in article_tags)
        write(os.path.join(roster, f"Content/articles/article-{index:05d}.md"),
              f"---\ntitle: \"{title}\"\ndate: {date}\nsummary: \"{summary}\"\ntags: [{tag_list}]\n---\n{roster_body}")
        write(os.path.join(hugo, f"content/articles/article-{index:05d}.md"),
              f"---\ntitle: \"{title}\"\ndate: {date}\nsummary: \"{summary}\"\ntags: [{tag_list}]\n---\n{hugo_body}")
        total += len(roster_body)

    write(os.path.join(hugo, "config.toml"),
          'baseURL = "https://example.org/bench/"\ntitle = "Benchmark report"\nlanguageCode = "en"\n'
          'disableKinds = ["RSS"]\n[pagination]\n  pagerSize = 50\n[taxonomies]\n  tag = "tags"\n'
          '[markup.goldmark.renderer]\n  unsafe = false\n[markup.goldmark.extensions]\n  table = true\n  strikethrough = true\n  linkify = true\n  taskList = true\n  footnote = true\n')
    base = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
            '<body><header><a href="/">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>\n')
    write(os.path.join(hugo, "layouts/_default/baseof.html"), base)
    write(os.path.join(hugo, "layouts/_default/single.html"),
          '{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2 Jan 2006" }}</p>'
          '<ul>{{ range .Params.tags }}<li><a href="{{ "/tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>'
          '{{ .Content }}</article>{{ end }}\n')
    write(os.path.join(hugo, "layouts/_default/list.html"),
          '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> '
          '{{ .Date.Format "2 Jan 2006" }}<p>{{ .Summary }}</p></li>{{ end }}</ul>{{ end }}\n')
    write(os.path.join(hugo, "layouts/_default/terms.html"),
          '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}\n')
    write(os.path.join(hugo, "layouts/index.html"),
          '{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>{{ range first 10 (where .Site.RegularPages "Section" "articles") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n')
    print(f"wrote {args.articles} articles ({total / args.articles / 1024:.1f} KB of Markdown each on average), "
          f"{args.authors} authors, {args.companies} companies, {args.tags} tags into {out}")


if __name__ == "__main__":
    main()
