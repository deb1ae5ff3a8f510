// Sorting and filtering for tables marked data-sortable: a button in each column heading sorts by
// that column (again to reverse), and a box above the table hides the rows of this page that do not
// contain the typed text. Without JavaScript the table is complete as it is.
(function () {
  "use strict";
  var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });
  // The site's words and number format, from the script's own tag (the theme's labels).
  var script = document.currentScript;
  function setting(name, fallback) { return (script && script.getAttribute("data-" + name)) || fallback; }
  var decimal = setting("decimal", "."), group = setting("group", ",");
  function cellText(row, index) {
    var cell = row.cells[index];
    return cell ? (cell.getAttribute("data-sort") || cell.textContent).trim() : "";
  }
  function number(text) {
    // "24,995", "24 995", "4,9", "45 %": without groups, spaces and units, with a point for decimals.
    var value = text.split(group).join("").split(decimal).join(".").replace(/[\s\u00a0\u202f%]|[^\d.\-]+$/g, "");
    return value !== "" && isFinite(value) ? parseFloat(value) : null;
  }
  // Letters without their accents, lower case: "Rozière" is found by "roziere".
  function plain(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function sortBy(table, index, heading) {
    var body = table.tBodies[0];
    if (!body) return;
    var descending = heading.getAttribute("aria-sort") === "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellText(a, index), y = cellText(b, index);
      var nx = number(x), ny = number(y);
      // In a column of numbers, a cell without one ("unknown") comes last either way.
      if ((nx === null) !== (ny === null)) return nx === null ? 1 : -1;
      var order = nx !== null ? nx - ny : collator.compare(x, y);
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    heading.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }
  function addFilter(table, number) {
    var body = table.tBodies[0];
    if (!body || body.rows.length < 8) return;
    var label = document.createElement("label");
    label.className = "table-filter";
    label.textContent = setting("label-filter", "Filter the rows on this page") + " ";
    var input = document.createElement("input");
    input.type = "search";
    input.id = "table-filter-" + number;
    label.htmlFor = input.id;
    label.appendChild(input);
    var status = document.createElement("span");
    status.className = "table-filter-count";
    status.setAttribute("role", "status");
    label.appendChild(status);
    table.parentNode.insertBefore(label, table);
    input.addEventListener("input", function () {
      var words = plain(input.value).split(/\s+/).filter(Boolean), shown = 0;
      Array.prototype.forEach.call(body.rows, function (row) {
        var text = plain(row.textContent);
        var match = words.every(function (word) { return text.indexOf(word) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = words.length ? " " + setting("label-shown", "{shown} of {count} shown")
        .replace("{shown}", shown.toLocaleString(document.documentElement.lang || undefined))
        .replace("{count}", body.rows.length.toLocaleString(document.documentElement.lang || undefined)) : "";
    });
  }
  function enhance(table, number) {
    if (!table.tHead || !table.tHead.rows.length) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (heading, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (heading.firstChild) button.appendChild(heading.firstChild);
      heading.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, heading); });
    });
    // On a phone the rows are stacked and the heading row becomes a row of sort buttons.
    table.classList.add("sortable");
    table.tHead.rows[0].setAttribute("data-sort-label", setting("label-sort", "Sort by"));
    addFilter(table, number);
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
