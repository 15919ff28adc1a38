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
  var leaving = false; // focus moved on out of the popover: don't pull it back
  close.addEventListener("click", function () { box.hidePopover(); });
  box.addEventListener("toggle", function (event) {
    if (event.newState === "closed" && opener) {
      opener.setAttribute("aria-expanded", "false");
      if (!leaving) opener.focus();
      opener = null;
      leaving = false;
    }
  });
  box.addEventListener("focusout", function (event) {
    if (box.matches(":popover-open") && !box.contains(event.relatedTarget)) {
      leaving = event.relatedTarget !== opener;
      box.hidePopover();
    }
  });
  document.querySelectorAll("a[data-popover]").forEach(function (link) {
    link.setAttribute("aria-expanded", "false");
  });

  // Place the open popover next to its link without covering it: below if it fits, else
  // above; on a phone, a sheet at the bottom, with the link scrolled above it.
  function placeNear(link) {
    if (window.innerWidth < 600) {
      box.classList.add("popover--sheet");
      box.style.top = "";
      box.style.left = "";
      var sheetTop = window.innerHeight - box.offsetHeight;
      var linkRect = link.getBoundingClientRect();
      if (linkRect.bottom > sheetTop - 8) window.scrollBy(0, linkRect.bottom - sheetTop + 24);
      return;
    }
    box.classList.remove("popover--sheet");
    var rect = link.getBoundingClientRect();
    var height = box.offsetHeight;
    var width = box.offsetWidth;
    box.style.left = Math.max(16, Math.min(rect.left, window.innerWidth - width - 16)) + "px";
    var below = rect.bottom + 8;
    var above = rect.top - height - 8;
    box.style.top = (below + height <= window.innerHeight - 8 || above < 8 ? below : above) + "px";
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-popover]");
    // A modified click opens the entry in a new tab or window, as links do.
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    if (box.matches(":popover-open")) box.hidePopover();
    htmx.ajax("GET", link.dataset.popover, { target: content, swap: "innerHTML" }).then(function () {
      opener = link;
      link.setAttribute("aria-expanded", "true");
      box.showPopover();
      placeNear(link);
      var title = document.getElementById("term-popover-title");
      if (title) title.focus({ preventScroll: true });
    });
  });
})();
