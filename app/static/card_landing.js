// An answer on a match card comes back to the card (routes._landing: #r-12-34, or the place
// of a card the answer took off the list), with its message held at the window's bottom
// (koble.css). The browser puts the card's top at the window's top, and on a phone a tall
// card's new state, contact details and buttons, at its end, lay under the message or below
// the window. Move the card up until its end clears the message: the whole card when it
// fits above it, else its end, which is what the answer changed.
window.addEventListener("load", () => {
  const id = decodeURIComponent(window.location.hash.slice(1));
  const target = id && document.getElementById(id);
  const card = target && target.closest(".card");
  const messages = document.querySelectorAll("#flashes .alert");
  if (!card || !messages.length) {
    return;
  }
  const top = Math.min(...Array.from(messages, (m) => m.getBoundingClientRect().top));
  const gap = 8;
  const below = card.getBoundingClientRect().bottom - (top - gap);
  if (below > 0) {
    window.scrollBy({ top: below, behavior: "instant" });
  }
});
