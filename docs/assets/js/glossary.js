// Glossary page: show one category at a time. Without this script every entry shows, each
// labelled with its category, so nothing depends on it.
document$.subscribe(() => {
  const form = document.querySelector(".glossary-filter");
  if (!form) return;
  const entries = document.querySelectorAll(".glossary-entry");
  const status = form.querySelector(".glossary-count");
  const apply = () => {
    const checked = form.querySelector("input:checked");
    const category = checked ? checked.value : "";
    let shown = 0;
    entries.forEach(entry => {
      const show = !category || entry.dataset.category === category;
      entry.hidden = !show;
      shown += show;
    });
    // A letter whose entries are all hidden hides too, and its heading with it (glossary.css).
    document.querySelectorAll("dl.glossary").forEach(list => {
      list.hidden = !list.querySelector(".glossary-entry:not([hidden])");
    });
    status.textContent = msg("showing", {shown, all: entries.length});
  };
  form.addEventListener("change", apply);
  form.hidden = false;
  apply();
});

// Tap-to-define. On a screen that cannot hover, Material's tooltips are off (on-demand.js), so
// a tap on a term shows its definition in place, in a small non-modal dialog under the term;
// a second tap on the term, or the link in the dialog, opens the glossary. Escape or a tap
// elsewhere closes it. The definition is the link's title (course/tooltips.py escapes "<"), or
// titles.js's, drawn from the course's definitions file.
(() => {
  if (matchMedia("(hover: hover)").matches) return;
  let open = null;
  const close = focus => {
    if (!open) return;
    open.term.setAttribute("aria-expanded", "false");
    open.term.removeAttribute("aria-controls");
    open.box.remove();
    if (focus) open.term.focus();
    open = null;
  };
  const show = term => {
    close();  // two quick taps while the definitions were coming: one box
    const box = document.createElement("span");
    box.className = box.id = "course-define";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", term.textContent);
    box.tabIndex = -1;
    box.innerHTML = "<span></span> <a></a> <button type=button>" + msg("close") + "</button>";
    box.firstChild.textContent = term.title.replace(/&lt;/g, "<");  // text, never markup
    box.querySelector("a").href = term.href;
    box.querySelector("a").textContent = msg("in_glossary", {term: term.textContent});
    box.querySelector("button").onclick = () => close(true);
    term.after(box);
    term.setAttribute("aria-expanded", "true");
    term.setAttribute("aria-controls", box.id);
    open = { term, box };
    box.focus();
  };
  addEventListener("click", event => {
    const term = event.target.closest?.("a.course-term[title]");
    if (open && (open.box.contains(event.target) || open.term === term)) return;  // a link in it, or the second tap
    close();
    if (!term) return;
    event.preventDefault();
    // The definitions may still be on their way (titles.js loads them on the first tap); if
    // they cannot come, the tap does what the link says and opens the glossary.
    if (term.title || !window.courseDefinitionsReady) show(term);
    else courseDefinitionsReady().then(() => term.title ? show(term) : location.assign(term.href));
  });
  addEventListener("keydown", event => { if (event.key === "Escape") close(true); });
})();
