"""Member import (preview, then all-or-nothing confirm, invitations) and exports (CSV and
.xlsx, role-limited, formula-safe), through the pages and the CLI."""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import Workbook, load_workbook

from app.extensions import db
from app.models import Interest, InvestorProfile, Pitch, User
from app.services import member_files, member_import_apply, member_import_plan
from tests.factories import (
    make_arena,
    make_investor,
    make_invitation,
    make_pitch,
    make_user,
    outbox_of,
)

HEADER = ["email", "name", "role", "municipality", "organisation", "phone", "sectors"]
MUNICIPALITIES = ["Asker", "Bærum", "drammen", "Lier", "Kongsberg", "Ringerike"]
# line number in the file (header is line 1) → what is wrong with it
BAD = {7: "Bad e-mail", 58: "Unknown municipality", 123: "Duplicate of line 2",
       300: "Unknown role", 411: "Investors need an organisation"}


def member_rows(n: int = 500) -> list[list]:
    rows = []
    for i in range(n):
        line = i + 2
        role = "investor" if i % 3 == 0 else "founder"
        row = [f"medlem{i}@bedrift{i % 40}.no", f"Medlem {i}", role,
               MUNICIPALITIES[i % len(MUNICIPALITIES)], f"Selskap {i} AS", "+47 900 00 000",
               "energy; maritime"]
        if line == 7:
            row[0] = "ikke-en-adresse"
        elif line == 58:
            row[3] = "Atlantis"
        elif line == 123:
            row[0] = "medlem0@bedrift0.no"
        elif line == 300:
            row[2] = "astronaut"
        elif line == 411:
            row[2], row[4] = "investor", ""
        rows.append(row)
    return rows


def as_csv(rows, delimiter=";") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _upload(client, data: bytes, name: str):
    return client.post("/staff/members/import", data={"file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_import_500_rows_preview_then_confirm(app, client, staff, fmt):
    rows = member_rows()
    data = as_csv(rows) if fmt == "csv" else as_xlsx(rows)
    users_before = db.session.query(User).count()
    assert _upload(client, data, f"medlemmer.{fmt}").status_code == 303
    preview = client.get("/staff/members/import/preview")
    html = preview.get_data(as_text=True)
    rejected = re.findall(r'<tr class="import-reject"[^>]*>\s*<td[^>]*>(\d+)</td>', html)
    assert [int(n) for n in rejected] == sorted(BAD)
    for line, reason in BAD.items():
        [row_html] = [row for row in re.findall(r'<tr class="import-reject"[^>]*>(.*?)</tr>',
                                                html, re.S)
                      if re.match(rf'\s*<td[^>]*>{line}</td>', row)]
        assert reason in row_html, line
    assert "495 to create" in html and "5 rejected" in html
    assert db.session.query(User).count() == users_before  # nothing written yet
    assert outbox_of(app) == []

    done = client.post("/staff/members/import/confirm")
    assert done.status_code == 303
    assert db.session.query(User).count() == users_before + 495
    investors = db.session.query(InvestorProfile).count()
    assert investors == len([r for i, r in enumerate(rows) if r[2] == "investor"
                             and i + 2 not in BAD])
    imported = db.session.query(User).filter_by(email="medlem2@bedrift2.no").one()
    assert imported.association.slug == "asker" and imported.municipality == "drammen"
    assert db.session.query(Pitch).filter_by(owner_id=db.session.query(User).filter_by(
        email="medlem1@bedrift1.no").one().id).one().status == "draft"
    mails = outbox_of(app)
    assert len(mails) == 495
    link = re.search(r"http://\S+/auth/reset/\S+", mails[0].body).group(0)
    page = client.get(link.replace("http://localhost", ""))
    assert page.status_code == 200
    # The upload is gone: confirming again writes nothing more.
    client.post("/staff/members/import/confirm")
    assert db.session.query(User).count() == users_before + 495


def test_reimport_updates_and_nothing_written_on_failure(app, client, staff, monkeypatch):
    existing = make_user("investor", email="medlem0@bedrift0.no", name="Gammelt navn")
    make_user("staff", email="medlem1@bedrift1.no")
    rows = member_rows(20)
    with app.test_request_context():
        plans = member_import_plan.plan([dict(zip(HEADER, r, strict=True)) for r in rows])
    assert plans[0].action == "update"
    assert plans[1].action == "reject" and "Already registered as staff" in plans[1].reasons[0]

    calls = {"n": 0}
    real = member_import_apply._founder_company

    def failing(user, values):
        calls["n"] += 1
        if calls["n"] == 5:
            raise RuntimeError("disk full")
        return real(user, values)

    monkeypatch.setattr(member_import_apply, "_founder_company", failing)
    before = db.session.query(User).count()
    with app.test_request_context(), pytest.raises(RuntimeError):
        member_import_apply.apply(staff, [dict(zip(HEADER, r, strict=True)) for r in rows])
    db.session.expire_all()
    assert db.session.query(User).count() == before
    assert db.session.get(User, existing.id).name == "Gammelt navn"
    assert outbox_of(app) == []


@pytest.mark.parametrize(("name", "data", "message"), [
    ("notes.pdf", b"%PDF-1.4 garbage", "Upload a CSV file or an Excel"),
    ("members.csv", b"\x00\x01\x02\xff\xfe binary", "not a CSV or Excel"),
    ("members.xlsx", b"PK\x03\x04 not really a zip", "could not be read"),
    ("members.csv", b"", "file is empty"),
    ("members.csv", b"navn;telefon\nKari;123\n", "missing: E-mail, Role"),
])
def test_bad_files_get_a_clear_message(client, staff, name, data, message):
    response = _upload(client, data, name)
    if not data:
        assert response.status_code == 422
        return
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)


def test_too_many_rows_are_refused(client, staff, monkeypatch):
    monkeypatch.setattr(member_files, "MAX_ROWS", 10)
    response = _upload(client, as_csv(member_rows(11)), "m.csv")
    assert response.status_code == 422 and "At most 10 rows" in response.get_data(as_text=True)


def test_only_staff_import(client, auth):
    auth.login(make_user("founder").email)
    assert client.get("/staff/members/import").status_code == 403
    assert _upload(client, as_csv(member_rows(3)), "m.csv").status_code == 403


def test_preview_belongs_to_the_uploader_session(app, client, staff):
    _upload(client, as_csv(member_rows(3)), "m.csv")
    other = app.test_client()
    other.post("/auth/login", data={"email": make_user("staff").email,
                                    "password": "grønne idéer møter kapital"})
    assert other.get("/staff/members/import/preview").status_code == 302
    other.post("/staff/members/import/confirm")
    assert db.session.query(User).filter(User.email.like("medlem%")).count() == 0


# --- exports --------------------------------------------------------------------------------
NASTY = {"title": "=1+1", "summary": "+cmd|' /C calc'!A0", "description": "x",
         "funding_type": "-2", "municipality": "@SUM(A1)"}


def _cells_csv(response) -> list[list[str]]:
    text = response.get_data(as_text=True).lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text)))


def _cells_xlsx(response) -> list[list]:
    book = load_workbook(io.BytesIO(response.data))
    return [[(c.value, c.data_type) for c in row] for row in book.active.iter_rows()]


def test_exports_neutralise_formulas(client, staff):
    founder = make_user("founder", association="asker")
    make_pitch(founder, **NASTY)
    rows = _cells_csv(client.get("/exports/pitches.csv"))
    flat = [cell for row in rows[1:] for cell in row]
    for value in NASTY.values():
        if value != "x":
            assert "'" + value in flat and value not in flat
    sheet = _cells_xlsx(client.get("/exports/pitches.xlsx"))
    cells = [cell for row in sheet[1:] for cell in row]
    assert all(kind != "f" for _value, kind in cells)
    for value in ("=1+1", "+cmd|' /C calc'!A0", "-2", "@SUM(A1)"):
        assert (value, "s") in cells  # a text cell: shown as written, never run


def test_staff_export_the_moderation_list_and_the_investor_list(client, staff):
    """The pitch export is the moderation list's rows, the investor export the investor
    list's: every association's, each investor's association in the last column."""
    make_pitch(make_user("founder", association="asker"), title="Asker-pitch")
    make_pitch(make_user("founder", association="ringerike"), title="Ringerike-pitch")
    make_investor(make_user("investor", association="asker"), organisation="Asker Invest")
    make_investor(make_user("investor", association="modum"), organisation="Modum Invest")
    pitches = client.get("/exports/pitches.csv?shown=yes").get_data(as_text=True)
    assert "Asker-pitch" in pitches and "Ringerike-pitch" in pitches
    investors = client.get("/exports/investors.xlsx").data
    sheet = load_workbook(io.BytesIO(investors)).active
    orgs = [(row[1], row[-1]) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert orgs == [("Asker Invest", "Asker Næringsforening"),
                    ("Modum Invest", "Modum Næringsråd")]


def test_investor_exports_browse_list_without_contacts(client, auth):
    investor = make_investor()
    make_pitch(title="Synlig", stage="seed")
    make_pitch(title="Utkast", status="draft")
    make_pitch(title="Vekst", stage="growth")
    auth.login(investor.user.email)
    text = client.get("/exports/pitches.csv?stage=seed").get_data(as_text=True)
    assert "Synlig" in text and "Utkast" not in text and "Vekst" not in text
    assert "@example.no" not in text
    assert client.get("/exports/investors.csv").status_code == 403
    assert client.get("/exports/pitches.csv?stage=unicorn").status_code == 303


def test_match_export_is_own_and_shows_contacts_only_for_mutual(client, auth):
    founder = make_user("founder")
    pitch = make_pitch(founder)
    mine, stranger = make_investor(), make_investor(organisation="Fremmed AS")
    other_pitch = make_pitch()
    for side, p, q, user in (("founder", pitch, mine, founder),
                             ("investor", pitch, mine, mine.user),
                             ("founder", other_pitch, stranger, other_pitch.owner),
                             ("investor", other_pitch, stranger, stranger.user)):
        db.session.add(Interest(user_id=user.id, pitch_id=p.id, investor_profile_id=q.id,
                                side=side, kind="interested"))
    db.session.commit()
    auth.login(founder.email)
    rows = _cells_csv(client.get("/exports/matches.csv"))
    assert len(rows) == 2 and rows[1][6] == "Grønn Kapital AS"
    assert rows[1][8] == mine.contact_email
    assert "Fremmed AS" not in str(rows)
    founders_view = client.get("/exports/investors.csv").get_data(as_text=True)
    assert stranger.contact_email not in founders_view and mine.contact_email in founders_view


def test_arena_export_xlsx_for_hosting_staff_only(client, auth, staff):
    arena = make_arena(("asker",))
    other = make_arena(("modum",))
    make_invitation(arena, make_user("founder", name="=HYPERLINK(\"http://x\")"))
    make_invitation(arena, make_user("investor", name="+47 Invest"))
    sheet = _cells_xlsx(client.get(f"/exports/arenas/{arena.id}/invitations.xlsx"))
    cells = [c for row in sheet for c in row]
    # text cells: never run as a formula, shown as written (no quote in front, unlike CSV)
    assert ("=HYPERLINK(\"http://x\")", "s") in cells and ("+47 Invest", "s") in cells
    assert client.get(f"/exports/arenas/{other.id}/invitations.xlsx").status_code == 404
    assert client.get(f"/exports/arenas/{arena.id}/secrets.csv").status_code == 404


# --- CLI ------------------------------------------------------------------------------------
def test_cli_import_dry_run_then_real_and_export(app, tmp_path):
    path = tmp_path / "members.xlsx"
    path.write_bytes(as_xlsx(member_rows(60)))
    runner = app.test_cli_runner()
    dry = runner.invoke(args=["members", "import", str(path), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "58 to create, 0 to update, 2 rejected." in dry.output
    assert "line 7: rejected" in dry.output and "Dry run" in dry.output
    assert db.session.query(User).count() == 0
    real = runner.invoke(args=["members", "import", str(path), "--association", "modum"])
    assert real.exit_code == 0, real.output
    assert "58 created" in real.output and "58 invitations sent" in real.output
    assert {u.association.slug for u in db.session.query(User)} == {"modum"}
    out = tmp_path / "investors.xlsx"
    exported = runner.invoke(args=["export", "investors", "--format", "xlsx", "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    sheet = load_workbook(out).active
    assert sheet.max_row - 1 == db.session.query(InvestorProfile).count()
    csv_out = tmp_path / "pitches.csv"
    result = runner.invoke(args=["export", "pitches", "-o", str(csv_out)])
    assert result.exit_code == 0 and "Wrote" in result.output
    bad = runner.invoke(args=["members", "import", str(path), "--association", "nowhere"])
    assert bad.exit_code != 0
