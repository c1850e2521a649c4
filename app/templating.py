"""Template filters and globals."""

from __future__ import annotations

from flask import Flask
from flask_babel import format_decimal, get_locale

from app import vocabulary
from app.markdown import render_markdown


def format_nok(amount: int | float | None) -> str:
    """An amount in NOK in the user's number format."""
    if amount is None:
        return ""
    return f"{format_decimal(amount, format='#,##0')} kr"


def init_app(app: Flask) -> None:
    """Register filters and the vocabulary for every template."""
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["nok"] = format_nok
    app.jinja_env.filters["label"] = lambda key, mapping: vocabulary.label(mapping, key)
    app.jinja_env.globals["vocab"] = vocabulary
    app.jinja_env.globals["current_locale"] = lambda: str(get_locale())
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
