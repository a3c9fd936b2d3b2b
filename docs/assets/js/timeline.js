// Timeline filter: show only the events of one state and/or organisation, without a reload.
// Without JS the form stays hidden and every event is shown.
document$.subscribe(() => {
  const form = document.querySelector(".course-timeline-filter");
  if (!form) return;
  const selects = [...form.querySelectorAll("select[data-filter]")];
  const status = form.querySelector("[role=status]");
  const apply = () => {
    let shown = 0;
    document.querySelectorAll(".course-timeline").forEach(list => {
      let inList = 0;
      list.querySelectorAll(".course-event").forEach(item => {
        const match = selects.every(s => !s.value || item.dataset[s.dataset.filter].split(" ").includes(s.value));
        item.hidden = !match;
        inList += match;
      });
      // A period with no match goes, heading and all; the status says it once if none is left.
      list.hidden = !inList;
      if (list.previousElementSibling.tagName === "H2") list.previousElementSibling.hidden = !inList;
      shown += inList;
    });
    const filtered = selects.some(s => s.value);
    status.textContent = !filtered ? "" : msg(shown === 1 ? "shown_one" : shown ? "shown" : "no_event", {n: shown});
  };
  form.addEventListener("change", apply);
  form.addEventListener("reset", () => setTimeout(apply));
  form.addEventListener("submit", event => event.preventDefault());
  form.hidden = false;
  apply();
});
