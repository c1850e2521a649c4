// A create form's one-time token (app/form_fields.py once_field) must come back with the
// form when the browser's Back brings it back filled in, or Save would make a second pitch.
// Chromium fetches the page again and restores only the inputs whose value differs from the
// one the page was drawn with; so the token is moved from the value attribute into the
// live value. A token restored by Back is kept; a fresh page keeps its own.
document.querySelectorAll("input[data-once]").forEach((input) => {
  const token = input.value;
  input.removeAttribute("value");
  input.value = token;
});
