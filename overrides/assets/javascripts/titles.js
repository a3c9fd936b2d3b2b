/* Tooltips and the Key terms box from what the site holds once. A citation's full reference
   is in the page's reference list, where its link points. A glossary term's name and
   definition are in the course's definitions file (one for every lesson, written by
   scripts/course/glossary_page.py), which the lesson's Key terms box names (data-definitions):
   it lists the terms the page links, in the glossary's order. So the links come without a
   title and each text travels once. This script gives each link its title back, as
   Material's content.tooltips needs: it sits in the page's content, which Material runs again
   on instant navigation before it makes its tooltips. "<" is escaped as course/tooltips.py does: Material inserts a title as HTML.

   The definitions load at once where a pointer can hover (Material's tooltips show them), and
   on a touch screen only when the reader taps a term (glossary.js asks courseDefinitionsReady),
   opens the Key terms box or prints: most phone readers never pay for them. */
(() => {
  const text = el => el.textContent.replace(/\s+/g, " ").trim();
  document.querySelectorAll("a.course-cite:not([title])").forEach(link => {
    const reference = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (reference) link.title = text(reference).replace(/</g, "&lt;");
  });

  const source = document.querySelector("[data-definitions]");
  if (!source) return;
  source.hidden = false;  // the Key terms box, its list filled below
  const links = [...document.querySelectorAll("a.course-term:not([title])")];
  const anchor = link => decodeURIComponent(link.hash.slice(1));
  const fill = definitions => {
    const linked = new Set(links.map(anchor)), byAnchor = new Map(definitions.map(entry => [entry[0], entry]));
    links.forEach(link => {
      const [, name, , tooltip] = byAnchor.get(anchor(link)) || [];
      // The name leads where the text is another form of it (an alias, a Russian case).
      if (name) link.title = (text(link).toLowerCase() === name.toLowerCase() ? tooltip : name + ": " + tooltip)
        .replace(/</g, "&lt;");
    });
    const list = source.querySelector("ul");
    if (!list.children.length) definitions.filter(entry => linked.has(entry[0])).forEach(([slug, name, definition]) => {
      const item = list.appendChild(document.createElement("li"));
      // The name as text; the definition is the course's own Markdown, rendered at build time
      // (tests/template/test_content_safety.py).
      item.innerHTML = `<a class="course-term-key" href="${source.dataset.glossary}#${slug}"></a>: ${definition}`;
      item.firstChild.textContent = name;
    });
    return definitions;
  };
  // Material makes a tooltip only for a link that has a title when it mounts: an empty one
  // until the definitions are in (glossary.css hides a tooltip with nothing to say).
  links.forEach(link => { link.title = ""; });
  // Loaded on another page already (instant navigation): filled now, before Material mounts.
  let ready = window.courseDefinitions ? Promise.resolve(fill(window.courseDefinitions)) : null;
  const load = () => ready = ready || new Promise(resolve => {
    const script = document.createElement("script");
    script.src = source.dataset.definitions;
    script.onload = script.onerror = () => resolve(window.courseDefinitions || []);
    document.head.appendChild(script);
  }).then(fill);
  window.courseDefinitionsReady = load;
  if (matchMedia("(hover: hover)").matches) load();
  source.querySelector("details")?.addEventListener("toggle", load, { once: true });
  addEventListener("beforeprint", load, { once: true });
})();
