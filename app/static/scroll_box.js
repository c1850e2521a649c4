// A box that scrolls sideways (a wide table's .table-responsive) is a tab stop so the keyboard
// can scroll it; one that does not scroll at this width (on a phone the import preview's rows
// are cards) is none: a stop where Tab lands and nothing moves. The template gives the box
// tabindex="0" (without scripts it stays a stop); here it is kept only while the box scrolls,
// and looked at again whenever the box or its table changes size (a phone turned sideways).
document.addEventListener("DOMContentLoaded", () => {
  for (const box of document.querySelectorAll("[data-tab-stop-if-scrolls]")) {
    const update = () => {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
      } else {
        box.removeAttribute("tabindex");
      }
    };
    update();
    if ("ResizeObserver" in window) {
      const watch = new ResizeObserver(update);
      watch.observe(box);
      for (const child of box.children) {
        watch.observe(child);
      }
    }
  }
});
