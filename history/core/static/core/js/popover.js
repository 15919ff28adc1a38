/* Short explanations opened in place: a link with data-popover (a fragment URL) opens the
   fragment in a popover dialog instead of following the link. Escape, the close button or a
   click outside closes it, and focus goes back to the link. Without JavaScript, or without
   the Popover API, the link simply leads to its page. */
(function () {
  "use strict";
  if (!window.htmx || !("popover" in HTMLElement.prototype)) return;

  var box = document.createElement("div");
  box.id = "popover";
  box.className = "popover";
  box.setAttribute("popover", "auto");
  box.setAttribute("role", "dialog");
  box.setAttribute("aria-labelledby", "term-popover-title");
  var close = document.createElement("button");
  close.type = "button";
  close.className = "popover__close";
  close.setAttribute("aria-label", document.body.dataset.closeLabel || "Close");
  close.textContent = "×";
  var content = document.createElement("div");
  box.append(close, content);
  document.body.append(box);

  var opener = null;
  close.addEventListener("click", function () { box.hidePopover(); });
  box.addEventListener("toggle", function (event) {
    if (event.newState === "closed" && opener) {
      opener.setAttribute("aria-expanded", "false");
      opener.focus();
      opener = null;
    }
  });

  function placeNear(link) {
    if (window.innerWidth < 600) {
      box.classList.add("popover--sheet");
      box.style.top = "";
      box.style.left = "";
      return;
    }
    box.classList.remove("popover--sheet");
    var rect = link.getBoundingClientRect();
    var width = Math.min(360, window.innerWidth - 32);
    box.style.left = Math.max(16, Math.min(rect.left, window.innerWidth - width - 16)) + "px";
    var below = rect.bottom + 8;
    box.style.top = (below + 220 < window.innerHeight ? below : Math.max(16, rect.top - 228)) + "px";
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-popover]");
    if (!link) return;
    event.preventDefault();
    if (box.matches(":popover-open")) box.hidePopover();
    htmx.ajax("GET", link.dataset.popover, { target: content, swap: "innerHTML" }).then(function () {
      opener = link;
      link.setAttribute("aria-expanded", "true");
      placeNear(link);
      box.showPopover();
      var title = document.getElementById("term-popover-title");
      if (title) title.focus({ preventScroll: true });
    });
  });
})();
