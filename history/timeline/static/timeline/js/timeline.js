/* Expands an event in place: the "More" link (a plain link to the event's page without
   JavaScript) fetches the longer text with htmx and toggles it. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-event-more]");
    if (!link || !window.htmx) return;
    event.preventDefault();
    var region = document.getElementById(link.getAttribute("aria-controls"));
    if (link.getAttribute("aria-expanded") === "true") {
      region.hidden = true;
      link.setAttribute("aria-expanded", "false");
      link.textContent = link.dataset.more;
      return;
    }
    var open = function () {
      region.hidden = false;
      link.setAttribute("aria-expanded", "true");
      link.textContent = link.dataset.less;
    };
    if (region.childElementCount) {
      open();
    } else {
      htmx.ajax("GET", link.href, { target: region, swap: "innerHTML" }).then(open);
    }
  });
})();
