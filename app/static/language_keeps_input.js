// Switching the language (the menu's form, a POST to /language that leads back to this
// address) draws the page again from the server, which knows nothing of what was typed in
// the page's forms. So, as the language form is sent, the fields of the forms in <main>
// that were changed (all of a form the server sent back refused: what it holds was typed)
// are put in sessionStorage, under one key, with the page's address; the next page loaded
// in this tab takes them out, and puts them back into fields of the same name only if it
// is that same address. Whatever page comes next, the copy is gone: it never reaches a
// later visit, another page or a form after a save. Passwords, files, hidden fields (the
// CSRF token, a form's one-time token) are never kept, with one exception: a form whose
// typed fields are kept also keeps its version field (the version of the pitch or profile
// the user typed on), so that if someone saved it in between, Save after the switch gets
// the app's conflict warning instead of silently overwriting their change. Without scripts
// the switch works as before and what was typed is lost.
(() => {
  const KEY = "koble-language-kept";
  const here = () => location.pathname + location.search;
  const SKIPPED = new Set(["password", "file", "hidden", "submit", "button", "reset", "image"]);
  const VERSION = "version";  // the concurrency field of the pitch, profile and account forms
  const isVersion = (el) => el.name === VERSION && el.type === "hidden" && !el.disabled;
  const keepable = (el) => el.name && !el.disabled && !SKIPPED.has(el.type)
    && el.name !== "csrf_token" && !el.hidden && !el.hasAttribute("data-once");
  const forms = () => [...document.querySelectorAll("main form")];
  const named = (form, name) => [...form.elements].filter((el) => el.name === name);
  const changed = (el) => {
    if (el.type === "checkbox" || el.type === "radio") return el.checked !== el.defaultChecked;
    if (el.tagName === "SELECT") return [...el.options].some((o) => o.selected !== o.defaultSelected);
    return el.value !== el.defaultValue;
  };

  function keep() {
    const fields = [];
    forms().forEach((form, f) => {
      const refused = !!form.querySelector("[data-error-summary], [aria-invalid='true']");
      const before = fields.length;
      [...form.elements].filter(keepable).forEach((el) => {
        if (!refused && !changed(el)) return;
        const field = { f, n: el.name, i: named(form, el.name).indexOf(el) };
        if (el.type === "checkbox" || el.type === "radio") field.c = el.checked;
        else if (el.tagName === "SELECT" && el.multiple) {
          field.m = [...el.selectedOptions].map((o) => o.value);
        } else field.v = el.value;
        fields.push(field);
      });
      if (fields.length === before) return;
      const version = named(form, VERSION).find(isVersion);
      if (version) fields.push({ f, n: VERSION, i: named(form, VERSION).indexOf(version), version: version.value });
    });
    try {
      if (fields.length) sessionStorage.setItem(KEY, JSON.stringify({ page: here(), fields }));
      else sessionStorage.removeItem(KEY);
    } catch (error) { /* storage off or full: the switch goes on, as without scripts */ }
  }

  function restore() {
    let kept = null;
    try {
      kept = JSON.parse(sessionStorage.getItem(KEY) || "null");
      sessionStorage.removeItem(KEY);
    } catch (error) { return; }
    if (!kept || kept.page !== here() || !Array.isArray(kept.fields)) return;
    const all = forms();
    kept.fields.forEach((field) => {
      const form = all[field.f];
      const el = form && named(form, field.n)[field.i];
      if (el && isVersion(el) && typeof field.version === "string") {
        el.value = field.version;  // the version typed on: a save in between is a conflict
        return;
      }
      if (!el || !keepable(el)) return;
      if (el.type === "checkbox" || el.type === "radio") {
        if (typeof field.c !== "boolean") return;
        el.checked = field.c;
      } else if (el.tagName === "SELECT" && el.multiple) {
        if (!Array.isArray(field.m)) return;
        [...el.options].forEach((o) => { o.selected = field.m.includes(o.value); });
      } else if (typeof field.v === "string") {
        if (el.tagName === "SELECT" && ![...el.options].some((o) => o.value === field.v)) return;
        el.value = field.v;
      } else return;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }

  restore();
  document.addEventListener("submit", (event) => {
    if (event.target.matches("form[data-language-switch]")) keep();
  });
})();
