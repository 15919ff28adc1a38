// The parallel view on a phone: one version at a time, the other revealed per paragraph.
document.addEventListener("click", (event) => {
  const button = event.target.closest("button.reveal");
  if (!button) return;
  const open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  button.closest("tr").classList.toggle("revealed", open);
});
