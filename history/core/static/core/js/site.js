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

// After htmx pushes a new address (a filter changed), keep the page in step with it: filter
// forms show the state the address names, and the language links carry it to the other
// language.
document.addEventListener("htmx:pushedIntoHistory", () => {
  const params = new URLSearchParams(window.location.search);
  document.querySelectorAll("form[data-url-state]").forEach((form) => {
    form.querySelectorAll("input, select").forEach((control) => {
      if (!control.name) return;
      const values = params.getAll(control.name);
      if (control.type === "checkbox") {
        control.checked = values.includes(control.value);
      } else if (control.type === "radio") {
        // A group the address does not name keeps its choice, unless it has an empty one.
        if (values.length) control.checked = values[0] === control.value;
        else if (control.value === "") control.checked = true;
      } else if (control.tagName === "SELECT") {
        control.value = values[0] || "";
      }
    });
  });
  document.querySelectorAll(".language-switcher a[href]").forEach((link) => {
    const url = new URL(link.href, window.location.href);
    url.search = window.location.search;
    link.href = url.pathname + url.search + url.hash;
  });
});

// On a phone the menu (navigation, search, languages) opens from one button, a disclosure:
// the focus stays on the button, and Escape closes the menu again.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-menu-toggle]");
  if (!button) return;
  const open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  document.getElementById(button.getAttribute("aria-controls")).classList.toggle("is-open", open);
});

document.addEventListener("keydown", (event) => {
  const button = document.querySelector('[data-menu-toggle][aria-expanded="true"]');
  if (event.key === "Escape" && button) {
    button.click();
    button.focus();
  }
});
