// The interface words of this page's language, from data/messages/<lang>.yml via a JSON block
// that overrides/main.html writes into every page, so that no script holds words of its own:
// msg("score", {right: 2, all: 5}) -> "Score: 2 of 5".
const msg = (key, values) => (msg.words ??= JSON.parse(document.getElementById("course-messages").textContent))[key]
  .replace(/\{(\w+)\}/g, (all, name) => values[name]);
