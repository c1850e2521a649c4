"""Markdown rendered safely: founders write it, everyone reads it."""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

# linkify: an address written as text ("Mer på https://soldeling.no/pilot", "soldeling.no",
# post@soldeling.no) is a link, as in a mail program; a founder does not know the [text](…)
# form, and an investor on a phone could not tap the address to open it. nh3 below still
# lets only http, https and mailto through.
_md = MarkdownIt("commonmark", {"html": False, "linkify": True}).enable("linkify") \
    .disable("image")

# Writers may write in a right-to-left script (Arabic, Hebrew, Persian …): each block of
# their text takes its direction from its own first strong letter (dir="auto"), so a
# paragraph in Arabic reads right to left within a Norwegian page. Only the renderer sets
# the attribute: raw HTML in the text is escaped, never passed through.
_DIRECTED = {"paragraph_open", "heading_open", "list_item_open", "blockquote_open"}
_DIRECTED_TAGS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "code", "pre",
    "h2", "h3", "h4", "h5", "h6", "a", "hr",
}


def render_markdown_inline(text: str | None) -> Markup:
    """Render one line of Markdown (`code`, *emphasis*, links) without a paragraph around
    it, sanitised as render_markdown is: for a table cell or a sentence in a page."""
    html = _md.renderInline(text or "")
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href"}},
                      url_schemes={"http", "https", "mailto"},
                      link_rel="nofollow noopener noreferrer")
    return Markup(clean)  # noqa: S704 - nh3 has sanitised it


def render_markdown(text: str | None, top: int = 3) -> Markup:
    """Render Markdown to sanitised HTML; links only http(s) and marked nofollow.

    A writer's "#" becomes `<h{top}>` and each deeper level one more (at most h6): the page
    around the text owns its h1 (and the h2 it may have put above the text), and a heading
    must not be dropped to bare text, as it was when "#" and "##" were simply stripped."""
    top = min(max(top, 2), 6)
    tokens = _md.parse(text or "")
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(top + int(token.tag[1]) - 1, 6)}"
        if token.type in _DIRECTED:
            token.attrSet("dir", "auto")
    html = _md.renderer.render(tokens, _md.options, {})
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}, **{tag: {"dir"} for tag in _DIRECTED_TAGS}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer",
    )
    return Markup(clean)  # noqa: S704 - nh3 has sanitised it
