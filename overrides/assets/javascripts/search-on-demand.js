/* Search index on demand. Material fetches search/search_index.json (about 570 KB, growing
   with the course) on every first visit, though most readers never search, and has no
   option against it. This script, loaded before Material's bundle, holds back that one
   request (an XMLHttpRequest Material sends as it starts) until the reader reaches for
   search: focus in the search box (click, tap or Material's keyboard shortcuts) or a
   pointer down on the search button. A page opened from a search result (?h=) needs the
   index to highlight the words, so it loads at once. Meanwhile Material shows
   "Initializing search"; what the reader types runs when the index arrives.
   tests/test_browser.py checks this against Material: re-check it after an upgrade.
   Not in the offline copy, where Material loads the index from a script of its own. */
(() => {
  const xhr = XMLHttpRequest.prototype, open = xhr.open, send = xhr.send, held = [];
  let wanted = new URLSearchParams(location.search).has("h");
  xhr.open = function (method, url) {
    this.courseHeld = /\/search\/search_index\.json$/.test(url);
    return open.apply(this, arguments);
  };
  xhr.send = function () {
    if (!this.courseHeld || wanted) return send.apply(this, arguments);
    held.push(() => send.apply(this, arguments));
  };
  const load = event => {
    if (!wanted && event.target.closest?.("[data-md-component=search], [for=__search]")) {
      wanted = true;
      held.forEach(request => request());
    }
  };
  addEventListener("focusin", load);
  addEventListener("pointerdown", load);
})();
