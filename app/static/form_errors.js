// After a refused form the focus goes to the summary of what to correct
// (templates/_macros.html, form_fields), so keyboard and screen-reader users start there;
// a link in it moves the focus to its field, not just the view. A form refused in its row
// of a list, with no summary (a meeting moved to a slot that does not exist, on the staff
// schedule: the page comes back at the row), gets the focus in its first refused field,
// whose aria-describedby says why, instead of leaving it on <body>.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-error-summary]");
  if (!summary) {
    const field = document.querySelector("main [aria-invalid='true']");
    if (field) {
      // After the load and a frame drawn: Chromium's own move to the row the address names
      // (#meeting-12) clears the focus, the row being no place for it, once the page is drawn.
      window.addEventListener("load", () => {
        requestAnimationFrame(() => requestAnimationFrame(() => field.focus()));
      });
    }
    return;
  }
  summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    const field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (field) {
      event.preventDefault();
      field.focus();
      field.scrollIntoView({ block: "center" });
    }
  });
});
