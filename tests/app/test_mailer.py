"""send_mail: a text part always, an HTML part when its template exists; an error in an
existing HTML template is raised, not sent as a text-only mail."""

from __future__ import annotations

import pytest
from jinja2 import ChoiceLoader, DictLoader, TemplateNotFound

from app.services.mailer import send_mail
from tests.factories import outbox_of


@pytest.fixture
def templates(app):
    """Extra mail templates for the test, in front of the app's own."""
    extra = {
        "email/plain.txt": "Plain {{ word }}",
        "email/both.txt": "Text {{ word }}",
        "email/both.html": "<p>HTML {{ word }}</p>",
        "email/broken.txt": "Text",
        "email/broken.html": "<p>{{ word.missing() }}</p>",
        "email/includes.txt": "Text",
        "email/includes.html": '{% include "email/_no_such_part.html" %}',
    }
    app.jinja_env.loader = ChoiceLoader([DictLoader(extra), app.jinja_env.loader])
    app.jinja_env.cache.clear()
    return extra


def test_a_mail_without_an_html_template_is_text_only(app, templates):
    send_mail("a@example.no", "Subject", "email/plain", word="one")
    (mail,) = outbox_of(app)
    assert mail.body == "Plain one" and mail.alternatives == []


def test_a_mail_with_an_html_template_has_both_parts(app, templates):
    send_mail("a@example.no", "Subject", "email/both", word="two")
    (mail,) = outbox_of(app)
    assert mail.body == "Text two"
    assert mail.alternatives[0][0] == "<p>HTML two</p>"


def test_an_error_in_an_existing_html_template_is_raised_and_nothing_is_sent(app, templates):
    with pytest.raises(Exception, match="missing"):
        send_mail("a@example.no", "Subject", "email/broken", word="three")
    assert outbox_of(app) == []


def test_a_missing_file_included_by_the_html_template_is_raised(app, templates):
    with pytest.raises(TemplateNotFound, match="_no_such_part"):
        send_mail("a@example.no", "Subject", "email/includes")
    assert outbox_of(app) == []


def test_deliver_swallows_a_down_mail_server_but_not_a_template_bug(app, templates,
                                                                    monkeypatch):
    """deliver() is for mails after a saved change: a refused or unreachable server is
    logged and answered False; a bug in the mail's template still fails loudly."""
    from flask_mailman import EmailMultiAlternatives

    from app.services.mailer import deliver

    with pytest.raises(Exception, match="missing"):
        deliver("a@example.no", "Subject", "email/broken", word="three")
    assert deliver("a@example.no", "Subject", "email/plain", word="one") is True

    def unreachable(self, fail_silently=False):
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(EmailMultiAlternatives, "send", unreachable)
    assert deliver("a@example.no", "Subject", "email/plain", word="two") is False
    assert [mail.body for mail in outbox_of(app)] == ["Plain one"]
