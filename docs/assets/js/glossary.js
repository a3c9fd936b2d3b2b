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
    status.textContent = "Showing " + shown + " of " + entries.length + " terms.";
  };
  form.addEventListener("change", apply);
  form.hidden = false;
  apply();
});
