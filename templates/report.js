// Small, optional enhancements: the page reads fine without script.
(function () {
  "use strict";
  var root = document.documentElement;

  // Theme toggle: follows the system until the reader chooses; the choice is remembered when the browser allows.
  var toggle = document.getElementById("theme-toggle");
  function isDark() {
    var t = root.getAttribute("data-theme");
    return t ? t === "dark" : window.matchMedia("(prefers-color-scheme: dark)").matches;
  }
  function showThemeState() {
    toggle.setAttribute("aria-pressed", String(isDark()));
    toggle.querySelector(".label").textContent = "Dark theme";
  }
  if (toggle) {
    toggle.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem("savescope-theme", next); } catch (e) { /* private mode or file:// limits */ }
      showThemeState();
    });
    showThemeState();
  }
  var printButton = document.getElementById("print-button");
  if (printButton) {
    printButton.addEventListener("click", function () { window.print(); });
  }
  document.querySelectorAll(".toolbar").forEach(function (bar) { bar.hidden = false; });
  // A printed page cannot be clicked open, so folded findings print unfolded.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.more-findings").forEach(function (d) { d.open = true; });
  });

  // Sortable tables: header text becomes a button; numbers sort by their exact value, missing values last.
  function sortValue(td) {
    var key = td.getAttribute("data-sort");
    return key !== null ? parseFloat(key) : td.textContent.trim().toLowerCase();
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var numeric = th.classList.contains("num");
        var current = th.getAttribute("aria-sort");
        // Numbers start largest first, text A to Z.
        var ascending = current === "none" ? !numeric : current !== "ascending";
        headers.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = sortValue(a.cells[col]), y = sortValue(b.cells[col]);
          var missingX = x === "" || (typeof x === "number" && isNaN(x));
          var missingY = y === "" || (typeof y === "number" && isNaN(y));
          if (missingX || missingY) return missingX === missingY ? 0 : missingX ? 1 : -1;
          var c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
          return ascending ? c : -c;
        });
        var fragment = document.createDocumentFragment();
        rows.forEach(function (r) { fragment.appendChild(r); });
        body.appendChild(fragment);
      });
    });
  });

  // Filter boxes: hide the rows that do not contain the typed text, and say how many are left.
  document.querySelectorAll(".table-tools").forEach(function (tools) {
    var input = tools.querySelector(".table-filter");
    var count = tools.querySelector(".table-count");
    var table = tools.parentNode.querySelector("table");
    var rows = table.tBodies[0].rows;
    function update() {
      var q = input.value.trim().toLowerCase();
      var shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        row.hidden = q !== "" && row.textContent.toLowerCase().indexOf(q) < 0;
        if (!row.hidden) shown++;
      });
      count.textContent = q === "" ? rows.length + " rows" : shown + " of " + rows.length + " rows match";
    }
    input.addEventListener("input", update);
    tools.hidden = false;
    update();
  });

  // Contents: mark the section being read, so the sticky list shows where you are.
  var links = document.querySelectorAll('.toc a[href^="#"]');
  if (links.length && "IntersectionObserver" in window) {
    var byId = {};
    links.forEach(function (a) { byId[decodeURIComponent(a.getAttribute("href").slice(1))] = a; });
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting) return;
        var link = byId[e.target.getAttribute("aria-labelledby")];
        if (!link) return;
        links.forEach(function (a) { a.removeAttribute("aria-current"); });
        link.setAttribute("aria-current", "true");
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    document.querySelectorAll("section.report-section").forEach(function (s) { observer.observe(s); });
  }
})();
