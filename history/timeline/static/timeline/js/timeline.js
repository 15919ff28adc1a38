/* Expands an event in place: the "More" link (a plain link to the event's page without
   JavaScript) fetches the longer text with htmx and toggles it. */
(function () {
  "use strict";

  // With scripts the "More" links toggle in place, so they are buttons to assistive technology.
  function enhance() {
    document.querySelectorAll("[data-event-more]").forEach(function (link) {
      link.setAttribute("role", "button");
    });
    // On a narrow screen the overview scrolls; start it at the fifth bulletin's dates.
    var scroller = document.querySelector(".overview__scroll");
    var key = scroller && scroller.querySelector(".overview__key");
    if (key && scroller.scrollWidth > scroller.clientWidth) {
      var svg = scroller.querySelector("svg");
      var x = Number(key.getAttribute("x1")) / 1000 * svg.getBoundingClientRect().width;
      scroller.scrollLeft = Math.max(0, x - scroller.clientWidth / 2);
    }
  }
  enhance();
  document.body.addEventListener("htmx:afterSettle", enhance);

  document.addEventListener("keydown", function (event) {
    // Space activates a button.
    var link = event.target.closest && event.target.closest("[data-event-more]");
    if (link && event.key === " ") {
      event.preventDefault();
      link.click();
    }
  });

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
