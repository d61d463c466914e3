// Keyboard for the timeline: j / k move to the next / previous event, Enter on an event
// shows or hides its sources. Everything else is links, forms and htmx.
document.addEventListener("keydown", (e) => {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
  if (e.target.closest("input, select, textarea, [contenteditable]")) return;
  const events = [...document.querySelectorAll("#results article.event")];
  if (!events.length) return;
  const current = document.activeElement.closest && document.activeElement.closest("article.event");
  const at = events.indexOf(current);
  if (e.key === "j" || e.key === "k") {
    const next = e.key === "j" ? Math.min(at + 1, events.length - 1) : Math.max(at - 1, 0);
    events[at === -1 ? 0 : next].focus();
    e.preventDefault();
  } else if (e.key === "Enter" && current === document.activeElement) {
    current.querySelector("a.expand").click();
    e.preventDefault();
  }
});
// After htmx swaps a card, keep the keyboard where it was.
document.addEventListener("htmx:after:swap", (e) => {
  const card = e.target && e.target.id && document.getElementById(e.target.id);
  if (card && card.matches && card.matches("article.event")) card.focus();
});
