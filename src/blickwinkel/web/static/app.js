// blickwinkel web UI: keyboard shortcuts and linked highlighting. Everything works without it.
"use strict";
(function () {
  function typing(el) {
    return el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.isContentEditable);
  }
  // "/" focuses the search field; j and k move through the story list; Enter opens the selected story.
  var cards = Array.prototype.slice.call(document.querySelectorAll(".story-card"));
  var selected = -1;
  function select(i) {
    if (!cards.length) return;
    if (selected >= 0) cards[selected].classList.remove("selected");
    selected = Math.max(0, Math.min(cards.length - 1, i));
    cards[selected].classList.add("selected");
    var link = cards[selected].querySelector("a");
    if (link) link.focus();
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(document.activeElement)) return;
    if (event.key === "/") {
      var q = document.getElementById("q");
      if (q) { event.preventDefault(); q.focus(); }
    } else if (event.key === "j") {
      select(selected + 1);
    } else if (event.key === "k") {
      select(selected - 1);
    }
  });
  // Following a link to a statement (from a contradiction) briefly outlines it.
  function flash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (target && target.classList.contains("st")) {
      target.classList.add("flash");
      target.focus({ preventScroll: false });
      setTimeout(function () { target.classList.remove("flash"); }, 2000);
    }
  }
  window.addEventListener("hashchange", flash);
  flash();
  document.documentElement.dataset.js = "ready";
})();
