// The edition's controls, as enhancements of links and forms that work without scripts.
(() => {
  const text = document.getElementById("text");

  // Document anatomy: toggle the labels in place and keep the choice in the address.
  const toggle = document.querySelector("[data-anatomy-toggle]");
  if (toggle && text) {
    toggle.addEventListener("click", () => {
      const on = toggle.getAttribute("aria-pressed") !== "true";
      toggle.setAttribute("aria-pressed", String(on));
      text.classList.toggle("show-anatomy", on);
      const url = new URL(window.location.href);
      if (on) url.searchParams.set("anatomy", "on");
      else url.searchParams.delete("anatomy");
      history.replaceState(null, "", url);
      carryChoices(url);
    });
  }

  // The version links carry the reader's choices (anatomy, notes) made in place.
  const carryChoices = (url) => {
    document.querySelectorAll("[data-version-link]").forEach((link) => {
      const target = new URL(link.href, window.location.href);
      for (const name of ["anatomy", "notes"]) {
        if (url.searchParams.has(name)) target.searchParams.set(name, url.searchParams.get(name));
        else target.searchParams.delete(name);
      }
      link.href = target.pathname + target.search + target.hash;
    });
  };

  // Editorial notes: hide or show them in place, and keep the choice in the address.
  const notesToggle = document.querySelector("[data-annotations-toggle]");
  if (notesToggle && text) {
    notesToggle.addEventListener("click", () => {
      const shown = notesToggle.getAttribute("aria-pressed") !== "true";
      notesToggle.setAttribute("aria-pressed", String(shown));
      text.classList.toggle("hide-annotations", !shown);
      const url = new URL(window.location.href);
      if (shown) url.searchParams.delete("notes");
      else url.searchParams.set("notes", "off");
      history.replaceState(null, "", url);
      carryChoices(url);
    });
  }

  // Cite: open the box; follow the paragraph the reader last linked to.
  const cite = document.getElementById("cite");
  document.querySelectorAll("[data-open-cite]").forEach((link) =>
    link.addEventListener("click", () => { if (cite) cite.open = true; }),
  );
  const followParagraph = () => {
    const select = document.getElementById("cite-select");
    const anchor = window.location.hash.slice(1);
    if (!select || !/^p\d+$/.test(anchor) || select.value === anchor) return;
    if (![...select.options].some((option) => option.value === anchor)) return;
    select.value = anchor;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  };
  window.addEventListener("hashchange", followParagraph);

  // Copy a citation to the clipboard.
  document.addEventListener("click", async (event) => {
    const button = event.target.closest("[data-copy]");
    if (!button) return;
    const source = document.getElementById(button.dataset.copy);
    try {
      await navigator.clipboard.writeText(source.textContent.trim());
      button.dataset.copied = "true";
      const original = button.firstChild.textContent;
      button.firstChild.textContent = button.closest("html").lang.startsWith("zh") ? "已复制" : "Copied";
      setTimeout(() => { button.firstChild.textContent = original; }, 2000);
    } catch {
      const range = document.createRange();
      range.selectNodeContents(source);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
  });

  document.querySelectorAll("[data-print]").forEach((button) =>
    button.addEventListener("click", () => window.print()),
  );
})();
