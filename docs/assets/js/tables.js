// A table wider than the screen scrolls sideways in Material's wrapper: a keyboard user can scroll
// it only if it takes focus, and a screen reader then names it after its caption or the heading above.
{
  const markScrollableTables = () => document.querySelectorAll(".md-typeset__scrollwrap").forEach(wrap => {
    let label = wrap.closest("figure")?.querySelector("figcaption");
    for (let node = wrap; node && !label; node = node.previousElementSibling || node.parentElement) {
      if (/^H\d$/.test(node.tagName)) label = node.firstChild;
    }
    if (wrap.scrollWidth > wrap.clientWidth) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", label?.textContent.trim() ?? "");
    } else ["tabindex", "role", "aria-label"].forEach(name => wrap.removeAttribute(name));
  });
  document$.subscribe(markScrollableTables);
  window.addEventListener("resize", markScrollableTables);
}
