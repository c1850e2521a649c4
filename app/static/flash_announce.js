// A message of what just happened (templates/base.html, #flashes) is in the page when it
// loads, and a screen reader announces a live region's changes, not what it held at the
// load: the confirmation of an answer, or the refusal of one, was shown and never said.
// Each message therefore comes with its own live region, empty at the load (role="status"
// for news, role="alert" for a refusal), and its words beside it, where they show without
// scripts. Shortly after the load, once the browser has told the screen reader about the
// empty regions, the words move into their region, which is then announced. The focus stays
// where the page put it (an answered card, a refused form's summary: form_errors.js); the
// message looks the same before and after the move.
window.addEventListener("load", () => {
  window.setTimeout(() => {
    for (const words of document.querySelectorAll("#flashes [data-flash-words]")) {
      const region = words.previousElementSibling;
      if (!region || !region.hasAttribute("data-flash-say")) {
        continue;
      }
      // Someone quick may have tabbed to a button in it (Undo): moving it would drop the
      // focus on <body>.
      const focused = words.contains(document.activeElement) ? document.activeElement : null;
      region.append(...words.childNodes);
      words.remove();
      if (focused) {
        focused.focus({ preventScroll: true });
      }
    }
  }, 500);
});
