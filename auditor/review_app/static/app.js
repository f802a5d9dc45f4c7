// The review workspace's page script: filters, keyboard navigation and decisions saved in place.
// Loaded from the workspace itself (the Content-Security-Policy allows no inline script); it writes report
// text only through textContent, never as markup.
(function () {
  "use strict";
  var all = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var findings = all(".finding");
  if (!findings.length && !document.getElementById("filters")) { return; }
  var readOnly = document.body.getAttribute("data-read-only") === "1";
  var current = -1;

  // ---------------------------------------------------------------- filters
  var filters = { rule: "f-rule", severity: "f-severity", certainty: "f-certainty", decision: "f-decision" };
  function applyFilters() {
    var shown = 0;
    findings.forEach(function (f) {
      var ok = Object.keys(filters).every(function (key) {
        var want = document.getElementById(filters[key]).value;
        return !want || f.getAttribute("data-" + key) === want;
      });
      f.hidden = !ok;
      if (ok) { shown += 1; }
    });
    all("section.goal").forEach(function (s) { s.hidden = !all(".finding", s).some(function (f) { return !f.hidden; }); });
    var counter = document.getElementById("shown");
    if (counter) {
      counter.textContent = counter.getAttribute("data-template")
        .replace("{shown}", shown).replace("{total}", counter.getAttribute("data-total"));
    }
    if (current >= 0 && findings[current].hidden) { current = -1; }
  }
  Object.keys(filters).forEach(function (key) {
    var el = document.getElementById(filters[key]);
    if (el) { el.addEventListener("change", applyFilters); }
  });

  // ---------------------------------------------------------------- opening and selecting
  function visible() { return findings.filter(function (f) { return !f.hidden; }); }
  function open(f, yes) {
    var detail = f.querySelector(".detail");
    detail.hidden = !yes;
    f.querySelector(".head").setAttribute("aria-expanded", yes ? "true" : "false");
  }
  function select(f) {
    findings.forEach(function (g) { g.classList.remove("current"); });
    current = findings.indexOf(f);
    f.classList.add("current");
    open(f, true);
    f.scrollIntoView({ block: "nearest" });
    f.querySelector(".head").focus({ preventScroll: true });
  }
  function step(delta) {
    var list = visible();
    if (!list.length) { return; }
    var at = current >= 0 ? list.indexOf(findings[current]) : -1;
    var next = at < 0 ? (delta > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + delta));
    if (at >= 0 && next !== at) { open(list[at], false); }
    select(list[next]);
  }
  findings.forEach(function (f) {
    f.querySelector(".head").addEventListener("click", function () {
      var opening = f.querySelector(".detail").hidden;
      if (opening) { select(f); } else { open(f, false); }
    });
  });

  // ---------------------------------------------------------------- deciding
  var reviewer = document.getElementById("reviewer");
  if (reviewer) {
    var remembered = window.localStorage.getItem("auditor-reviewer");
    if (remembered && !reviewer.value) { reviewer.value = remembered; }
    reviewer.addEventListener("change", function () { window.localStorage.setItem("auditor-reviewer", reviewer.value.trim()); });
  }
  function startDecision(f, decision) {
    if (readOnly) { return; }
    select(f);
    var form = f.querySelector("form.decide");
    if (!form) { return; }
    form.querySelector('input[value="' + decision + '"]').checked = true;
    form.querySelector("textarea").focus();
  }
  function say(status, text, kind) {
    status.textContent = text;
    status.className = "status " + kind;
  }
  findings.forEach(function (f) {
    var form = f.querySelector("form.decide");
    if (!form) { return; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var status = form.querySelector(".status");
      var chosen = form.querySelector('input[name="decision"]:checked');
      var reason = form.querySelector("textarea").value.trim();
      var by = reviewer ? reviewer.value.trim() : "";
      if (!chosen || !reason || !by) { say(status, status.getAttribute("data-need"), "error"); return; }
      if (reviewer) { window.localStorage.setItem("auditor-reviewer", by); }
      var body = { report: Number(f.getAttribute("data-report")), fingerprint: f.getAttribute("data-fingerprint"),
                   decision: chosen.value, reason: reason, by: by, version: f.getAttribute("data-version") };
      fetch("/api/decision", { method: "POST", headers: { "Content-Type": "application/json" },
                               body: JSON.stringify(body), credentials: "same-origin" })
        .then(function (response) {
          return response.json().then(function (data) { return { ok: response.ok, data: data }; });
        })
        .then(function (got) {
          if (!got.ok) { say(status, got.data.error || status.getAttribute("data-failed"), "error"); return; }
          f.setAttribute("data-decision", got.data.decision);
          f.setAttribute("data-version", got.data.version);
          var state = f.querySelector(".state");
          state.textContent = got.data.text;
          state.className = "state state-" + got.data.decision;
          say(status, got.data.saved, "ok");
        })
        .catch(function () { say(status, status.getAttribute("data-failed"), "error"); });
    });
    form.querySelector("textarea").addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
    });
  });

  // ---------------------------------------------------------------- keyboard
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (tag === "textarea" || tag === "input" || tag === "select") {
      if (event.key === "Escape") { event.target.blur(); }
      return;
    }
    var f = current >= 0 ? findings[current] : null;
    if (event.key === "j") { step(1); }
    else if (event.key === "k") { step(-1); }
    else if (event.key === "c" && f) { startDecision(f, "bekräftad"); }
    else if (event.key === "d" && f) { startDecision(f, "avfärdad"); }
    else if (event.key === "Escape" && f) { open(f, false); }
    else { return; }
    event.preventDefault();
  });

  applyFilters();
})();
