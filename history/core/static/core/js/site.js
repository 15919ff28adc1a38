// Progressive enhancement for every page: mark that scripts run, keep the reader's place
// (the #paragraph) when switching language.
document.documentElement.classList.replace("no-js", "js");

document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-keep-hash]");
  if (link && window.location.hash) {
    link.href = link.href.split("#")[0] + window.location.hash;
  }
});

// After htmx swaps in new results, say what changed through one live region that stays in
// the page (a live region that is itself swapped in is often not announced).
document.addEventListener("htmx:afterSettle", () => {
  const live = document.getElementById("live-status");
  const message = document.querySelector("[data-announce]");
  if (live && message) {
    live.textContent = "";
    window.setTimeout(() => { live.textContent = message.textContent.trim(); }, 50);
  }
});
