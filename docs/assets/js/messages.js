// The interface words of this page's language, from data/messages/<lang>.yml via a JSON block in
// the page (overrides/main.html): courseText("quiz_score", {right: 2, all: 5}) -> "Score: 2 of 5".
// A text with plural forms ({one, few, many, other}) is chosen by {n} with the language's rules.
const courseText = (key, values = {}) => {
  const words = courseText.words ??= JSON.parse(document.getElementById("course-messages")?.textContent || "{}");
  let text = words[key] ?? key;
  if (typeof text == "object") text = text[new Intl.PluralRules(document.documentElement.lang).select(values.n)] ?? text.other;
  return String(text).replace(/\{(\w+)\}/g, (all, name) => values[name] ?? all);
};
