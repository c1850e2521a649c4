// Closing a message (templates/base.html, #flashes) removes the button that had the focus,
// and the browser dropped it on <body>: the next Tab went to the page's first control, away
// from the match card an answer had just come back to (#r-12-34, routes._landing). Bootstrap
// tells each closed message ("closed.bs.alert", on the message itself); the focus goes to the
// next message still open, else to what the address names inside <main> (the answered card),
// else to <main>, where the skip link leads.
document.addEventListener("DOMContentLoaded", () => {
  const main = document.getElementById("main");
  const landing = () => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (!target || !main.contains(target) || target === main) {
      return main;
    }
    if (!target.hasAttribute("tabindex")) {
      target.setAttribute("tabindex", "-1");
    }
    return target;
  };
  for (const message of document.querySelectorAll("#flashes .alert")) {
    message.addEventListener("closed.bs.alert", () => {
      const next = document.querySelector("#flashes .alert .btn-close");
      (next || landing()).focus({ preventScroll: true });
    });
  }
});
