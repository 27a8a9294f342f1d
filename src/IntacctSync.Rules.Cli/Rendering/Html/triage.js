"use strict";
(function () {
  // Every value is set with textContent or as an option's value: nothing from the data is ever parsed as HTML.
  var data = JSON.parse(document.getElementById("triage-data").textContent);
  var S = data.strings;
  var CERTAINTY = ["confirmed", "likely", "possible"];
  var PAGE = 500;
  var docs = data.docs;
  var root = document.getElementById("table-root");
  var shown = PAGE;
  var matches = docs;
  var searchText = new Array(docs.length);

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function field(labelText, control) {
    var label = el("label", labelText);
    label.appendChild(control);
    return label;
  }

  // The filters.
  var codes = {};
  docs.forEach(function (d) { d[1].forEach(function (g) { codes[S[g[0]]] = true; }); });
  var filters = el("div", null, "filters");
  filters.setAttribute("role", "search");
  var search = el("input");
  search.type = "search";
  search.id = "search";
  search.placeholder = "Line, code, dimension, vendor, message…";
  search.setAttribute("aria-describedby", "status");
  var codeSelect = el("select");
  codeSelect.id = "filter-code";
  codeSelect.appendChild(el("option", "All codes")).value = "";
  Object.keys(codes).sort().forEach(function (c) { codeSelect.appendChild(el("option", c)).value = c; });
  codeSelect.appendChild(el("option", "No diagnosis")).value = "-";
  var certaintySelect = el("select");
  certaintySelect.id = "filter-certainty";
  certaintySelect.appendChild(el("option", "Any certainty")).value = "";
  CERTAINTY.forEach(function (c, i) { certaintySelect.appendChild(el("option", c)).value = String(i); });
  filters.appendChild(field("Search (press /)", search));
  filters.appendChild(field("Code", codeSelect));
  filters.appendChild(field("Certainty", certaintySelect));
  root.appendChild(filters);
  var status = el("p", null, "status");
  status.id = "status";
  status.setAttribute("role", "status");
  root.appendChild(status);

  var table = el("table");
  table.id = "docs";
  table.appendChild(el("caption", "Documents, in input order; open a row for its diagnoses and plan. Keys: / search, ↑ ↓ move between rows, Escape closes."));
  var head = table.appendChild(el("thead")).appendChild(el("tr"));
  ["Line", "Top code", "Certainty", "Subject", "Diagnoses"].forEach(function (h, i) {
    var th = head.appendChild(el("th", h, i === 0 || i === 4 ? "num" : null));
    th.scope = "col";
  });
  var body = table.appendChild(el("tbody"));
  root.appendChild(table);
  var more = el("button", "", "open-more");
  more.type = "button";
  more.id = "more";
  root.appendChild(more);

  function text(d, i) {
    if (searchText[i] === undefined) {
      var parts = [String(d[0])];
      d[1].forEach(function (g) { for (var k = 0; k < 5; k++) { if (k !== 1) { parts.push(S[g[k]]); } } });
      d[2].forEach(function (u) { parts.push(S[u]); });
      searchText[i] = parts.join("\n").toLowerCase();
    }
    return searchText[i];
  }

  function filter() {
    var q = search.value.trim().toLowerCase();
    var code = codeSelect.value;
    var certainty = certaintySelect.value === "" ? -1 : Number(certaintySelect.value);
    matches = [];
    for (var i = 0; i < docs.length; i++) {
      var d = docs[i];
      var ok;
      if (code === "-") {
        ok = d[1].length === 0 && certainty < 0;
      } else if (code === "" && certainty < 0) {
        ok = true;
      } else {
        ok = d[1].some(function (g) { return (code === "" || S[g[0]] === code) && (certainty < 0 || g[1] === certainty); });
      }
      if (ok && q && text(d, i).indexOf(q) < 0) { ok = false; }
      if (ok) { matches.push(d); }
    }
    shown = PAGE;
    render();
  }

  function row(d) {
    var tr = el("tr");
    tr.dataset.line = String(d[0]);
    var top = d[1][0];
    var th = el("th", null, "num");
    th.scope = "row";
    var open = el("button", String(d[0]), "open");
    open.type = "button";
    open.setAttribute("aria-expanded", "false");
    open.setAttribute("aria-label", "Line " + d[0] + ": show diagnoses and plan");
    open.addEventListener("click", function () { toggle(tr, d, open); });
    th.appendChild(open);
    tr.appendChild(th);
    tr.appendChild(el("td", top ? S[top[0]] : "—"));
    var c = el("td");
    if (top) { c.appendChild(el("span", CERTAINTY[top[1]], "badge " + CERTAINTY[top[1]])); } else { c.textContent = "no diagnosis"; }
    tr.appendChild(c);
    tr.appendChild(el("td", top ? S[top[4]] : ""));
    tr.appendChild(el("td", String(d[1].length), "num"));
    return tr;
  }

  function render() {
    var fragment = document.createDocumentFragment();
    var n = Math.min(shown, matches.length);
    for (var i = 0; i < n; i++) { fragment.appendChild(row(matches[i])); }
    body.replaceChildren(fragment);
    status.textContent = "Showing " + n.toLocaleString("en") + " of " + matches.length.toLocaleString("en") +
      " matching documents (" + docs.length.toLocaleString("en") + " in all).";
    more.hidden = matches.length <= n;
    more.textContent = "Show " + Math.min(PAGE, matches.length - n).toLocaleString("en") + " more";
  }

  function list(tag, items, fill, cls) {
    var l = el(tag, null, cls);
    items.forEach(function (item) { fill(l.appendChild(el("li")), item); });
    return l;
  }

  function detail(d) {
    var td = el("td");
    td.colSpan = 5;
    if (d[1].length === 0) { td.appendChild(el("p", "No failure in this evidence: nothing to diagnose.")); }
    d[1].forEach(function (g, i) {
      var box = td.appendChild(el("section", null, "diagnosis"));
      var h = box.appendChild(el("h3", (i + 1) + ". " + S[g[0]] + ": " + S[g[2]] + " "));
      h.appendChild(el("span", CERTAINTY[g[1]], "badge " + CERTAINTY[g[1]]));
      box.appendChild(el("p", S[g[3]]));
      var confirmed = g[1] === 0;
      if (g[7].length) {
        box.appendChild(el("h4", confirmed ? "What the evidence proves" : "What may cause it (not yet proven)"));
        box.appendChild(list("ul", g[7], function (li, cause) {
          li.textContent = S[cause[0]];
          if (confirmed && cause[1].length) { li.appendChild(list("ul", cause[1], function (f, x) { f.appendChild(el("code", S[x])); })); }
        }));
      }
      if (g[8].length) {
        box.appendChild(el("h4", "Ruled out"));
        box.appendChild(list("ul", g[8], function (li, cause) { li.textContent = S[cause[0]]; }));
      }
      if (g[9].length) {
        box.appendChild(el("h4", "What to do"));
        var plan = list("ol", g[9], function (li, step) {
          li.value = step[0];
          li.appendChild(el("span", S[step[1]], "system"));
          li.appendChild(document.createTextNode(" — " + S[step[2]] + ": " + S[step[3]]));
        }, "plan");
        box.appendChild(plan);
      }
      if (g[10].length) {
        box.appendChild(el("h4", "Evidence still missing"));
        box.appendChild(list("ul", g[10], function (li, m) {
          li.appendChild(el("code", S[m[0]]));
          li.appendChild(document.createTextNode(" — " + S[m[1]]));
        }));
      }
      box.appendChild(el("p", "Rule: " + S[g[6]] + " (" + S[g[5]] + ")", "none"));
    });
    [[2, "Not explained by any rule"], [3, "Rules that failed (their findings are missing)"], [4, "Not read to the end"]].forEach(function (part) {
      if (d[part[0]].length) {
        td.appendChild(el("h4", part[1]));
        td.appendChild(list("ul", d[part[0]], function (li, s) { li.textContent = S[s]; }));
      }
    });
    var tr = el("tr", null, "detail");
    tr.appendChild(td);
    return tr;
  }

  function toggle(tr, d, open) {
    var next = tr.nextElementSibling;
    if (next && next.classList.contains("detail")) {
      next.remove();
      open.setAttribute("aria-expanded", "false");
      return;
    }
    var shownDetail = detail(d);
    shownDetail.id = "detail-" + d[0];
    open.setAttribute("aria-controls", shownDetail.id);
    tr.after(shownDetail);
    open.setAttribute("aria-expanded", "true");
  }

  search.addEventListener("input", filter);
  codeSelect.addEventListener("change", filter);
  certaintySelect.addEventListener("change", filter);
  more.addEventListener("click", function () { shown += PAGE; render(); });

  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key === "/" && t !== search && t.tagName !== "INPUT" && t.tagName !== "SELECT") {
      e.preventDefault();
      search.focus();
    } else if ((e.key === "ArrowDown" || e.key === "ArrowUp") && t.classList && t.classList.contains("open")) {
      e.preventDefault();
      var buttons = body.querySelectorAll("button.open");
      var i = Array.prototype.indexOf.call(buttons, t) + (e.key === "ArrowDown" ? 1 : -1);
      if (i >= 0 && i < buttons.length) { buttons[i].focus(); }
    } else if (e.key === "Escape" && t.classList && t.classList.contains("open") && t.getAttribute("aria-expanded") === "true") {
      t.click();
    }
  });

  // A single document's page opens its report at once.
  render();
  if (docs.length === 1) { body.querySelector("button.open").click(); }
})();
