// The search page, over Pagefind's index (`pagefind/pagefind.js`, written at every build): words,
// filters, or both; filters alone list everything that matches them. The words typed in the
// header's box arrive as `?q=`; the address keeps the search, so it can be shared. Without
// JavaScript the page links to every index instead.
(function () {
  "use strict";
  // The filters Pagefind indexes; their names and every other word come from the page's
  // data-label-* attributes (the site's labels, in its language).
  var FILTERS = ["kind", "company", "cohort", "status", "confidence"];
  var PAGE = 20;

  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("search");
    if (!root) return;
    var word = function (name) { return root.getAttribute("data-label-" + name) || ""; };
    var plural = new Intl.PluralRules(document.documentElement.lang || "en");
    var form = root.querySelector(".search-form");
    var input = root.querySelector("#search-input");
    var filtersBox = root.querySelector(".search-filters");
    var filtersPanel = root.querySelector(".search-filters-panel");
    var status = root.querySelector(".search-status");
    var list = root.querySelector(".search-results");
    var siteRoot = new URL(root.getAttribute("data-root") || "../", location.href).pathname;
    var selects = {};
    var pagefind = null;
    var shown = 0;
    var results = [];
    var generation = 0;
    var timer = null;
    var lang = document.documentElement.lang || "en";
    var totals = {};   // each filter's counts over the whole site

    // The box is there at once; what is typed while the index loads is searched when it is ready.
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    form.hidden = false;
    status.textContent = word("loading");
    input.addEventListener("input", schedule);
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });

    import(new URL(root.getAttribute("data-index"), location.href).href).then(function (module) {
      pagefind = module;
      return pagefind.options({ baseUrl: siteRoot }).then(function () { return pagefind.filters(); });
    }).then(function (available) {
      FILTERS.forEach(function (name) {
        var entry = [name, word(name)];
        var values = Object.keys(available[entry[0]] || {}).sort(function (a, b) { return a.localeCompare(b); });
        if (!values.length) return;
        var id = "search-filter-" + entry[0];
        var label = document.createElement("label");
        label.htmlFor = id;
        label.textContent = entry[1];
        var select = document.createElement("select");
        select.id = id;
        select.name = entry[0];
        select.add(new Option(word("any"), ""));
        totals[entry[0]] = available[entry[0]];
        values.forEach(function (value) { select.add(new Option(value, value)); });
        select.value = params.get(entry[0]) || "";
        select.addEventListener("change", schedule);
        var field = document.createElement("div");
        field.className = "search-filter";
        field.append(label, select);
        filtersBox.append(field);
        selects[entry[0]] = select;
      });
      // The filters are folded on a phone, so the results show near the box, unless one is chosen.
      filtersPanel.hidden = !Object.keys(selects).length;
      filtersPanel.open = window.matchMedia("(min-width: 40rem)").matches || Object.keys(chosen()).length > 0;
      status.textContent = "";
      counts(null);
      run();
    }).catch(function () {
      status.textContent = word("unavailable");
    });

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(run, 150);
    }

    // Each option says how many pages it would give: over the whole site, or, once words or
    // filters are chosen, within the current results (Pagefind's counts for this search). Choosing
    // another value of a filter that is set replaces it, so its options count without it: the
    // words' results alone (Pagefind's totalFilters), or the whole site when there are no words.
    function counts(found, term) {
      var set = chosen();
      Object.keys(selects).forEach(function (key) {
        var known = !found || (set[key] && !term) ? totals[key]
          : ((set[key] ? found.totalFilters : found.filters) || {})[key] || {};
        Array.prototype.forEach.call(selects[key].options, function (option) {
          if (option.value) option.textContent = option.value + " (" + (known[option.value] || 0).toLocaleString(lang) + ")";
        });
      });
    }

    function chosen() {
      var filters = {};
      Object.keys(selects).forEach(function (key) { if (selects[key].value) filters[key] = selects[key].value; });
      return filters;
    }

    function run() {
      if (!pagefind) return;   // the index is loading; it runs the search when it is ready
      var term = input.value.trim();
      var filters = chosen();
      var params = new URLSearchParams();
      if (term) params.set("q", term);
      Object.keys(filters).forEach(function (key) { params.set(key, filters[key]); });
      history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : ""));
      var mine = ++generation;
      if (!term && !Object.keys(filters).length) {
        results = [];
        list.replaceChildren();
        status.textContent = "";
        counts(null);
        return;
      }
      // A search of thousands of pages takes seconds: say so if it is not done at once.
      var slow = setTimeout(function () { if (mine === generation) status.textContent = word("searching"); }, 300);
      pagefind.search(term || null, { filters: filters }).then(function (found) {
        clearTimeout(slow);
        if (mine !== generation) return;
        counts(found, term);
        results = found.results;
        shown = 0;
        list.replaceChildren();
        status.textContent = (word("result-" + plural.select(results.length)) || word("result-other"))
          .replace("{count}", results.length.toLocaleString(lang))
          + (results.length ? "" : " " + word("nothing"));
        more();
      });
    }

    function more() {
      var batch = results.slice(shown, shown + PAGE);
      shown += batch.length;
      var mine = generation;
      Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
        if (mine !== generation) return;
        var old = list.querySelector(".search-more");
        var focusNew = old && old.contains(document.activeElement);
        if (old) old.remove();
        pages.forEach(function (page, index) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = page.url;
          link.textContent = (page.meta && page.meta.title) || page.url;
          var excerpt = document.createElement("p");
          excerpt.innerHTML = page.excerpt;   // Pagefind's escaped text, with <mark> around the words found
          item.append(link, excerpt);
          list.append(item);
          // "Show more" is gone: the keyboard goes on at the first result it brought.
          if (focusNew && index === 0) link.focus();
        });
        if (shown < results.length) {
          var button = document.createElement("button");
          button.type = "button";
          button.className = "search-more";
          button.textContent = word("more");
          button.addEventListener("click", more);
          var holder = document.createElement("li");
          holder.className = "search-more";
          holder.append(button);
          list.append(holder);
        }
      });
    }
  });
})();
