// The parallel view.
(() => {
  // On a phone: one version at a time, the other revealed per paragraph.
  document.addEventListener("click", (event) => {
    const button = event.target.closest("button.reveal");
    if (!button) return;
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    button.closest("tr").classList.toggle("revealed", open);
  });

  // Choosing for one column the version shown in the other swaps the two, so that the pair
  // is never the same version twice. Runs before htmx sees the change (capture phase).
  const selects = [...document.querySelectorAll(".parallel-form select")];
  const previous = new Map(selects.map((select) => [select, select.value]));
  selects.forEach((select) =>
    select.addEventListener(
      "change",
      () => {
        const other = selects.find((s) => s !== select);
        if (other && other.value === select.value) {
          other.value = previous.get(select);
        }
        selects.forEach((s) => previous.set(s, s.value));
      },
      true,
    ),
  );
})();
