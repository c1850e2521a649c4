// A "Copy" button beside text shown only once (the new API token on /account/tokens).
// Without scripts the button stays hidden and the text stays selectable (user-select-all);
// with them, one press copies it and a polite status says "Copied" (or, where the browser
// refuses the clipboard, that the text is selected for the keyboard's copy).
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button[data-copy-target]")) {
    const source = document.getElementById(button.dataset.copyTarget);
    const status = document.getElementById(button.dataset.copyStatus);
    if (!source || !status) {
      continue;
    }
    button.hidden = false;
    button.addEventListener("click", async () => {
      status.textContent = "";
      try {
        await navigator.clipboard.writeText(source.textContent.trim());
        status.textContent = button.dataset.copied;
      } catch {
        window.getSelection().selectAllChildren(source);
        status.textContent = button.dataset.failed;
      }
    });
  }
});
