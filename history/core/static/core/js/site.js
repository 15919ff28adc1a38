// Progressive enhancement for every page: mark that scripts run, keep the reader's place
// (the #paragraph) when switching language.
document.documentElement.classList.replace("no-js", "js");

document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-keep-hash]");
  if (link && window.location.hash) {
    link.href = link.href.split("#")[0] + window.location.hash;
  }
});
