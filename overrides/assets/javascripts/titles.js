/* Tooltips the page holds already. A citation's full reference is in the page's reference
   list, where its link points, and a glossary term's definition in the lesson's Key terms box
   (scripts/course/citations.py, glossary_text.py), so the links come without a title and each
   text travels once. This script gives each link its title back from there, as Material's
   content.tooltips needs: it sits in the page's content, which Material runs again on instant
   navigation before it makes its tooltips. "<" is escaped as course/tooltips.py does, because
   Material's tooltip inserts a title as HTML. */
(() => {
  const text = el => el.textContent.replace(/\s+/g, " ").trim();
  const definitions = {};
  document.querySelectorAll(".key-terms li").forEach(item => {
    const link = item.querySelector("a[href]");
    if (link) definitions[link.getAttribute("href")] = [text(link), text(item).slice(text(link).length + 1).trim()];
  });
  document.querySelectorAll("a.course-cite:not([title]), a.course-term:not([title])").forEach(link => {
    let title;
    if (link.classList.contains("course-cite")) {
      const reference = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      title = reference && text(reference);
    } else {
      const [name, definition] = definitions[link.getAttribute("href")] || [];
      // The name leads where the text is another form of it (an alias, a Russian case).
      title = name && (text(link).toLowerCase() === name.toLowerCase() ? definition : name + ": " + definition);
    }
    if (title) link.title = title.replace(/</g, "&lt;");
  });
})();
