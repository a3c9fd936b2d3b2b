// Figures drawn for a wide column (SVG, in an <img> or inline) are small on a phone. A tap on
// the figure, or its "Enlarge" button, shows it at 1.25 times its drawn size, where text drawn
// at 10 units or more (our figures' smallest) is at least 12.5 px; the figure then scrolls
// sideways. A second tap fits it back to the column.
document$.subscribe(() => {
  document.querySelectorAll(".md-typeset figure").forEach(figure => {
    const art = figure.querySelector(":scope > svg, :scope > img[src$='.svg'], :scope > p > img[src$='.svg'], :scope > p > a > img[src$='.svg']");
    if (!art || figure.querySelector(".course-enlarge")) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "course-enlarge";
    button.textContent = msg("enlarge");
    button.setAttribute("aria-pressed", "false");
    const toggle = () => {
      const on = figure.classList.toggle("is-enlarged");
      // An <img> drawn at width="100%" has no size of its own (it reports 300): ours are drawn 960 wide at most.
      const drawn = art.viewBox ? art.viewBox.baseVal.width : Math.max(art.naturalWidth, 960);
      art.style.width = on ? drawn * 1.25 + "px" : "";
      button.setAttribute("aria-pressed", on);
    };
    button.onclick = toggle;
    if (!art.closest("a")) art.onclick = toggle;  // a linked figure opens its link, as its author chose
    figure.prepend(button);  // above it: a tall chart would hide a button below
  });
});
