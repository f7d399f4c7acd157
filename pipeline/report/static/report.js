// odaextract review report: sortable and filterable tables, facts opened when
// linked to. Reads and writes text only (textContent, dataset): never HTML.
(function () {
  "use strict";

  function cellValue(row, key) {
    var cell = row.querySelector('td[data-key="' + key + '"]');
    if (!cell) return "";
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }

  function compare(a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    var numeric = a !== "" && b !== "" && !isNaN(x) && !isNaN(y) && isFinite(a) && isFinite(b);
    if (numeric) return x - y;
    if (a === "" && b !== "") return 1;  // empty cells last
    if (b === "" && a !== "") return -1;
    return a.localeCompare(b);
  }

  function setupTable(table) {
    var body = table.tBodies[0];
    var headers = table.querySelectorAll("th[data-key]");
    var inputs = table.querySelectorAll("input[data-filter]");
    var counter = document.getElementById(table.getAttribute("data-count"));

    function sortBy(key, direction) {
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var order = compare(cellValue(a, key), cellValue(b, key));
        return direction === "descending" ? -order : order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
      headers.forEach(function (th) {
        th.setAttribute("aria-sort", th.getAttribute("data-key") === key ? direction : "none");
      });
    }

    function applyFilters() {
      var shown = 0;
      Array.prototype.forEach.call(body.rows, function (row) {
        var visible = true;
        inputs.forEach(function (input) {
          var wanted = input.value.trim().toLowerCase();
          if (wanted && cellValue(row, input.getAttribute("data-filter")).toLowerCase().indexOf(wanted) < 0 &&
              row.querySelector('td[data-key="' + input.getAttribute("data-filter") + '"]').textContent.toLowerCase().indexOf(wanted) < 0) {
            visible = false;
          }
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      if (counter) counter.textContent = shown + " of " + body.rows.length;
    }

    headers.forEach(function (th) {
      th.querySelector("button").addEventListener("click", function () {
        var next = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        sortBy(th.getAttribute("data-key"), next);
      });
    });
    inputs.forEach(function (input) { input.addEventListener("input", applyFilters); });

    // A view can be linked to: index.html?sort=amount&dir=descending&kind=grant
    var params = new URLSearchParams(window.location.search);
    inputs.forEach(function (input) {
      var value = params.get(input.getAttribute("data-filter"));
      if (value !== null) input.value = value;
    });
    if (params.get("sort")) sortBy(params.get("sort"), params.get("dir") === "descending" ? "descending" : "ascending");
    applyFilters();
  }

  function openTargetFact() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.tagName === "DETAILS") target.open = true;
  }

  document.querySelectorAll("table.sortable").forEach(setupTable);
  document.querySelectorAll("a.fact").forEach(function (marker) {
    marker.addEventListener("click", function () {
      var detail = document.getElementById(marker.getAttribute("href").slice(1));
      if (detail) detail.open = true;
    });
  });
  window.addEventListener("hashchange", openTargetFact);
  openTargetFact();
  // Tells a test that this script ran (so an injected script that did not run means something).
  document.documentElement.setAttribute("data-report-ready", "yes");
})();
