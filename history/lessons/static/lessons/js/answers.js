// A student's answers to a lesson, kept in this browser only (localStorage, one entry per
// lesson holding the name and each answer under its question's id) and never sent to the
// site: they come back on every visit, are copied into print-only elements so that a printed
// page or PDF shows each answer whole, and are cleared by one button. Without this script the
// page is a worksheet to print and fill in by hand.
(() => {
  const root = document.querySelector("[data-answers]");
  if (!root) return;
  const storageKey = root.dataset.answers;
  const status = root.querySelector("[data-answers-status]");
  const fields = Array.from(document.querySelectorAll("[data-answer]"));
  const copies = new Map();
  document.querySelectorAll("[data-answer-print]").forEach((copy) => {
    copies.set(copy.dataset.answerPrint, copy);
  });

  let storage = null;
  try {
    storage = window.localStorage;
    storage.getItem(storageKey);
  } catch {
    storage = null; // Storage switched off, or a private window that refuses it.
  }

  // Answers to questions this page no longer has (or has under another language's page) are
  // kept: the entry is the whole lesson's.
  let saved = {};
  try {
    saved = JSON.parse(storage?.getItem(storageKey) || "{}") || {};
  } catch {
    saved = {};
  }

  function announce(message) {
    status.textContent = "";
    window.setTimeout(() => { status.textContent = message; }, 50);
  }

  function copy(field) {
    const target = copies.get(field.dataset.answer);
    if (target) target.textContent = field.value;
  }

  let warned = false;
  function save() {
    if (!storage) return;
    try {
      if (Object.keys(saved).length) storage.setItem(storageKey, JSON.stringify(saved));
      else storage.removeItem(storageKey);
    } catch {
      if (!warned) announce(root.dataset.unavailable);
      warned = true;
    }
  }

  function stampDate() {
    const date = root.querySelector("[data-answers-date]");
    // The site's English is British: 6 December 2026, not December 6, 2026.
    const language = document.documentElement.lang === "en" ? "en-GB" : document.documentElement.lang;
    date.textContent = new Date().toLocaleDateString(language, {
      year: "numeric", month: "long", day: "numeric",
    });
  }

  let restored = false;
  fields.forEach((field) => {
    const value = saved[field.dataset.answer];
    if (typeof value === "string" && value) {
      field.value = value;
      restored = true;
    }
    copy(field);
  });

  document.addEventListener("input", (event) => {
    const field = event.target.closest("[data-answer]");
    if (!field) return;
    copy(field);
    if (field.value) saved[field.dataset.answer] = field.value;
    else delete saved[field.dataset.answer];
    save();
  });

  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-answers-print]")) {
      stampDate();
      window.print();
    } else if (event.target.closest("[data-answers-clear]")) {
      if (!window.confirm(root.dataset.confirm)) return;
      saved = {};
      fields.forEach((field) => {
        field.value = "";
        copy(field);
      });
      save();
      announce(root.dataset.cleared);
    }
  });

  window.addEventListener("beforeprint", stampDate);
  stampDate();
  document.querySelectorAll("[data-answers-enabled]").forEach((element) => {
    element.hidden = false;
  });
  root.querySelector("[data-answers-kept]").hidden = !storage;
  document.documentElement.classList.add("answers-ready");
  if (!storage) announce(root.dataset.unavailable);
  else if (restored) announce(root.dataset.restored);
})();
