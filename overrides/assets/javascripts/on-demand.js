/* On demand: what most readers on a phone never use is not loaded or set up for them.
   Loaded before Material's bundle, which reads its settings and starts its search as it loads.

   Search. Material fetches its search worker (40 KB) and the search index
   (search/search_index.json, about 570 KB and growing with the course) on every first
   visit, though most readers never search; it has no option against that. Both wait here
   until the reader reaches for search: focus in the search box (click, tap or Material's
   keyboard shortcuts) or a pointer down on the search button. The index request (an
   XMLHttpRequest) is held; the worker is a stand-in that starts the real one at Material's
   first message, which Material sends once the index is in. A page opened from a search
   result (?h=) needs the index to highlight the words, so it loads at once. Meanwhile
   Material shows "Initializing search"; what the reader types runs when the index arrives.

   Tooltips. Material's tooltips (content.tooltips: glossary terms, citations) show on
   hover and keyboard focus, and setting them up costs a phone about 0.4 s of script on a
   lesson. On a screen that cannot hover they are switched off before Material reads its
   settings: the titles stay, for screen readers, and a tap follows the link as before.

   tests/test_browser.py checks both against Material: re-check them after an upgrade.
   Not in the offline copy, where Material loads the index from a script of its own. */
(() => {
  const xhr = XMLHttpRequest.prototype, open = xhr.open, send = xhr.send, held = [], RealWorker = Worker;
  let wanted = new URLSearchParams(location.search).has("h");
  xhr.open = function (method, url) {
    this.courseHeld = /\/search\/search_index\.json$/.test(url);
    return open.apply(this, arguments);
  };
  xhr.send = function () {
    if (!this.courseHeld || wanted) return send.apply(this, arguments);
    held.push(() => send.apply(this, arguments));
  };
  window.Worker = function (url, options) {
    if (!/\/workers\/search\./.test(url)) return new RealWorker(url, options);
    const standIn = new EventTarget();  // Material listens for "message" events on it
    let worker;
    standIn.postMessage = message => {
      if (!worker) {
        worker = new RealWorker(url, options);
        worker.onmessage = event => standIn.dispatchEvent(new MessageEvent("message", event));
      }
      worker.postMessage(message);
    };
    return standIn;
  };
  if (!matchMedia("(hover: hover)").matches) {
    const config = document.getElementById("__config");
    config.textContent = config.textContent.replace('"content.tooltips"', '""');
  }
  const load = event => {
    if (!wanted && event.target.closest?.(".md-search, [for=__search]")) {
      wanted = true;
      held.forEach(request => request());
    }
  };
  addEventListener("focusin", load);
  addEventListener("pointerdown", load);
})();
