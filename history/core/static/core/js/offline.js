// Reading offline: start the service worker (it keeps the pages a reader opens), ask it to keep
// this page and the other views the page names, say when the browser is offline, and, on the
// offline page, list the pages that can be read. See history/core/offline.py.
(() => {
  const script = document.currentScript;

  // A notice while the browser is offline, or this page was read from the device because
  // the network failed (the worker says so), in the frame's status region.
  const status = document.getElementById("offline-status");
  const message = document.getElementById("offline-message");
  let readFromDevice = false;
  const showStatus = () => {
    if (!status || !message) return;
    if (navigator.onLine && !readFromDevice) status.replaceChildren();
    else if (!status.firstElementChild) status.replaceChildren(message.content.cloneNode(true));
  };
  window.addEventListener("online", () => {
    readFromDevice = false;
    showStatus();
  });
  window.addEventListener("offline", showStatus);
  showStatus();

  // Service workers need a secure context (HTTPS, or this machine).
  if (!("serviceWorker" in navigator) || !script || !script.dataset.worker) return;
  navigator.serviceWorker
    .register(script.dataset.worker, { scope: "/", updateViaCache: "none" })
    .catch(() => {});
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data && "readFromDevice" in event.data) {
      readFromDevice = event.data.readFromDevice;
      showStatus();
    }
  });
  navigator.serviceWorker.startMessages();
  navigator.serviceWorker.controller?.postMessage({ status: true });

  navigator.serviceWorker.ready.then((registration) => {
    if (!registration.active || navigator.connection?.saveData) return;
    const named = document.querySelector('meta[name="offline-pages"]');
    const urls = [window.location.href, ...(named ? named.content.split(/\s+/) : [])]
      .filter(Boolean)
      .map((url) => new URL(url, window.location.href).href);
    registration.active.postMessage({ keep: urls });
  });

  // The offline page: the pages kept on this device, this language's first, the most
  // recently opened first.
  const list = document.querySelector("[data-offline-list]");
  if (!list || !window.caches) return;
  const language = document.documentElement.lang;
  const decode = document.createElement("textarea");
  (async () => {
    const cache = await caches.open(list.dataset.cache);
    const items = [];
    for (const request of (await cache.keys()).reverse()) {
      const response = await cache.match(request, { ignoreVary: true });
      const title = /<title>([^<]*)<\/title>/.exec(await response.text());
      const url = new URL(request.url);
      decode.innerHTML = title ? title[1] : "";
      const code = url.pathname.split("/")[1];
      // Without the site's name after the last " · ".
      const text = decode.value.includes(" · ") ? decode.value.slice(0, decode.value.lastIndexOf(" · ")) : decode.value;
      items.push({ url, code, title: text.trim() || url.pathname });
    }
    items.sort((a, b) => (b.code === language) - (a.code === language));
    for (const item of items) {
      const link = document.createElement("a");
      link.href = item.url.pathname + item.url.search;
      link.textContent = item.title;
      const address = document.createElement("span");
      address.className = "offline-pages__address";
      address.textContent = decodeURI(item.url.pathname + item.url.search);
      if (item.code !== language) {
        link.lang = item.code;
        link.hreflang = item.code;
      }
      const entry = document.createElement("li");
      entry.append(link, " ", address);
      list.append(entry);
    }
    list.hidden = items.length === 0;
    document.querySelector("[data-offline-empty]").hidden = items.length > 0;
  })();
})();
