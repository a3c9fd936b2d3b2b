// Glossary page: show one category at a time. Without this script every entry shows, each
// labelled with its category, so nothing depends on it.
document$.subscribe(function () {
  var form = document.querySelector(".glossary-filter");
  if (!form) return;
  var entries = document.querySelectorAll(".glossary-entry");
  var status = form.querySelector(".glossary-count");
  function apply() {
    var checked = form.querySelector("input:checked");
    var category = checked ? checked.value : "";
    var shown = 0;
    entries.forEach(function (entry) {
      var show = !category || entry.getAttribute("data-category") === category;
      entry.hidden = !show;
      if (show) shown++;
    });
    // A letter whose entries are all hidden hides its heading too.
    document.querySelectorAll("dl.glossary").forEach(function (list) {
      var heading = list.previousElementSibling;
      var empty = !list.querySelector(".glossary-entry:not([hidden])");
      list.hidden = empty;
      if (heading && /^H2$/.test(heading.tagName)) heading.hidden = empty;
    });
    status.textContent = "Showing " + shown + " of " + entries.length + " terms.";
  }
  form.addEventListener("change", apply);
  form.hidden = false;
  apply();
});
