// Warta's only script: small enhancements, the pages work without it.
// - article page: clicking an entity (in the text or the side list) marks all its mentions;
//   pointing at a quote in the side list marks it in the text, and the other way round.
// - charts: pointing at a column shows its date and value under the chart.
"use strict";
(function () {
  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  function markEntity(id) {
    all(".text [data-entity].on").forEach(function (el) { el.classList.remove("on"); });
    if (!id) return;
    all(".text [data-entity]").forEach(function (el) {
      if (el.getAttribute("data-entity") === id) el.classList.add("on");
    });
  }

  function markQuote(n, on) {
    all('[data-quote]').forEach(function (el) {
      if (el.getAttribute("data-quote") === n) el.classList.toggle("on", on);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var text = document.getElementById("article-text");
    if (text) {
      var current = null;
      text.addEventListener("click", function (ev) {
        var el = ev.target.closest("[data-entity]");
        var id = el ? el.getAttribute("data-entity") : null;
        current = id === current ? null : id;
        markEntity(current);
      });
      all("ul.entities a[data-entity]").forEach(function (a) {
        a.addEventListener("mouseenter", function () { markEntity(a.getAttribute("data-entity")); });
        a.addEventListener("mouseleave", function () { markEntity(current); });
      });
      all("ol.quotes li[data-quote], .text [data-quote]").forEach(function (el) {
        var n = el.getAttribute("data-quote");
        el.addEventListener("mouseenter", function () { markQuote(n, true); });
        el.addEventListener("mouseleave", function () { markQuote(n, false); });
      });
    }
    all("figure.chart").forEach(function (fig) {
      var out = fig.querySelector(".readout");
      all("rect.col", fig).forEach(function (r) {
        r.addEventListener("mouseenter", function () {
          if (out) out.textContent = "· " + r.getAttribute("data-label") + ": " + r.getAttribute("data-value");
        });
      });
    });
  });
})();
