// Runs before the page is drawn, so the text does not jump: the reader's chosen text size,
// kept on this device only (see edition.js).
try {
  const size = window.localStorage.getItem("edition-text-size");
  if (size === "large" || size === "larger") document.documentElement.dataset.textSize = size;
} catch {
  // No storage (private mode, blocked): the default size.
}
