/* Highlight every statement of the hovered, focused or clicked fact; N jumps to its next occurrence. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var byFact = new Map();
  document.querySelectorAll(".st[data-fact]").forEach(function (el) {
    var fact = el.getAttribute("data-fact");
    if (!byFact.has(fact)) byFact.set(fact, []);
    byFact.get(fact).push(el);
  });
  var status = document.getElementById("status");
  var shown = null;
  var pinned = null;

  function articleCount(els) {
    var seen = new Set();
    els.forEach(function (el) { var body = el.closest(".body"); if (body) seen.add(body.getAttribute("data-article")); });
    return seen.size;
  }
  function show(fact) {
    if (fact === shown) return;
    if (shown !== null) (byFact.get(shown) || []).forEach(function (el) { el.classList.remove("hl", "pinned"); });
    shown = fact;
    if (fact === null) { status.textContent = ""; return; }
    var els = byFact.get(fact) || [];
    els.forEach(function (el) { el.classList.add("hl"); if (fact === pinned) el.classList.add("pinned"); });
    var n = articleCount(els);
    // the words in the report's language, from the status element's data attributes
    var words = status.dataset;
    status.textContent = words.fact + " " + fact + ": " + els.length + " " +
      (els.length === 1 ? words.statement : words.statements) + " in " + n + " " +
      (n === 1 ? words.inArticle : words.inArticles) + (fact === pinned ? " (" + words.pinned + ")" : "");
  }
  function statementAt(target) {
    var el = target instanceof Element ? target.closest(".st[data-fact]") : null;
    return el ? el : null;
  }
  function pin(fact) {
    pinned = pinned === fact ? null : fact;
    shown = null;
    byFact.forEach(function (els) { els.forEach(function (el) { el.classList.remove("hl", "pinned"); }); });
    show(pinned);
  }
  function next(el) {
    var els = byFact.get(el.getAttribute("data-fact")) || [];
    if (els.length < 2) return;
    var target = els[(els.indexOf(el) + 1) % els.length];
    target.focus();
    target.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  document.addEventListener("mouseover", function (e) { var el = statementAt(e.target); if (el) show(el.getAttribute("data-fact")); });
  document.addEventListener("mouseout", function (e) { if (statementAt(e.target)) show(pinned); });
  document.addEventListener("focusin", function (e) { var el = statementAt(e.target); if (el) show(el.getAttribute("data-fact")); });
  document.addEventListener("focusout", function (e) { if (statementAt(e.target)) show(pinned); });
  document.addEventListener("click", function (e) { var el = statementAt(e.target); if (el) pin(el.getAttribute("data-fact")); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { pinned = null; show(null); return; }
    var el = statementAt(e.target);
    if (!el || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pin(el.getAttribute("data-fact")); }
    else if (e.key === "n" || e.key === "N") { e.preventDefault(); next(el); }
  });
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    if (el && el.matches(".st[data-fact]")) { pinned = null; pin(el.getAttribute("data-fact")); }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
