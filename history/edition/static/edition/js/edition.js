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

  // Wide screens: the editorial notes stand in the margin beside their markers, each moved down
  // only as far as the note above it needs. (Floated notes stack one under the other and drift
  // far below their markers where notes are dense; without scripts they stay floated.)
  const wide = window.matchMedia("(min-width: 64rem)");
  const placeNotes = () => {
    if (!text) return;
    const notes = [...text.querySelectorAll(".annotation")];
    const body = text.parentElement;
    const box = text.getBoundingClientRect();
    const edge = body.getBoundingClientRect().right - parseFloat(getComputedStyle(body).paddingRight);
    const room = edge - box.right - 32;
    const on = wide.matches && notes.length > 0 && room >= 192;
    text.classList.toggle("has-sidenotes", on);
    text.style.marginBottom = "";
    if (!on) {
      notes.forEach((note) => { note.style.top = ""; });
      return;
    }
    text.style.setProperty("--sidenote-width", `${Math.min(room, 384)}px`);
    let floor = 0;
    for (const note of notes) {
      const marker = document.getElementById(note.id.replace("an", "anref"));
      if (!marker || !note.offsetParent) continue;
      const top = Math.max(marker.getBoundingClientRect().top - box.top - 4, floor);
      note.style.top = `${top}px`;
      floor = top + note.offsetHeight + 12;
    }
    if (floor > box.height) text.style.marginBottom = `${floor - box.height}px`;
  };
  if (text) {
    let frame = 0;
    const schedule = () => { cancelAnimationFrame(frame); frame = requestAnimationFrame(placeNotes); };
    new ResizeObserver(schedule).observe(text);
    wide.addEventListener("change", schedule);
    window.addEventListener("resize", schedule);
    notesToggle?.addEventListener("click", schedule);
    schedule();
  }

  // Preferences kept on this device only (never sent, no cookies): the version chosen, the
  // editorial notes on or off, the text size. A choice in the address wins over a kept one.
  const store = {
    get: (key) => { try { return window.localStorage.getItem(key); } catch { return null; } },
    set: (key, value) => {
      try {
        if (value) window.localStorage.setItem(key, value);
        else window.localStorage.removeItem(key);
      } catch {
        // No storage: the choice lasts for this page only.
      }
    },
  };
  const params = new URLSearchParams(window.location.search);
  const versionKey = `edition-version:${document.documentElement.lang}`;
  const versionOf = (link) => new URL(link.href, window.location.href).searchParams.get("version");
  const versionLinks = [...document.querySelectorAll("[data-version-link]")];
  versionLinks.forEach((link) =>
    link.addEventListener("click", () => store.set(versionKey, versionOf(link))),
  );
  const kept = store.get(versionKey);
  const current = versionLinks.find((link) => link.hasAttribute("aria-current"));
  const wanted = versionLinks.find((link) => versionOf(link) === kept);
  if (!params.has("version") && current && wanted && wanted !== current) {
    const target = new URL(wanted.href, window.location.href);
    target.hash = window.location.hash;
    window.location.replace(target);
    return;
  }

  if (notesToggle) {
    notesToggle.addEventListener("click", () =>
      store.set("edition-notes", notesToggle.getAttribute("aria-pressed") === "true" ? "" : "off"),
    );
    const shown = notesToggle.getAttribute("aria-pressed") === "true";
    if (!params.has("notes") && shown && store.get("edition-notes") === "off") notesToggle.click();
  }

  const sizeSelect = document.querySelector("[data-text-size-choice]");
  if (sizeSelect) {
    sizeSelect.value = document.documentElement.dataset.textSize || "";
    sizeSelect.addEventListener("change", () => {
      const size = sizeSelect.value;
      if (size) document.documentElement.dataset.textSize = size;
      else delete document.documentElement.dataset.textSize;
      store.set("edition-text-size", size);
    });
  }

  document.querySelectorAll("[data-print]").forEach((button) =>
    button.addEventListener("click", () => window.print()),
  );
})();
