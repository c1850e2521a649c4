"""Staff download their member list (/exports/members.csv and .xlsx), linked from the list
(/staff/members) with its own search and filters: every member the list finds, all pages,
in its order, with what the list and the member page show; contact details only where the
member page shows them (contacts.contacts_visible_to); staff their own association's
members, an admin every association's or the one chosen. Before, there was no way to get the
list out."""

from __future__ import annotations

import csv
import html
import io
import re

import pytest
from openpyxl import load_workbook

from app.extensions import db
from app.services.accounts import association_by_slug
from tests.app.security.principals import logged_in_client
from tests.factories import (
    make_arena_over,
    make_investor,
    make_invitation,
    make_meeting,
    make_pitch,
    make_user,
)

HEADERS = {
    "en": ["Id", "Name", "E-mail", "Phone", "Role", "Association", "Municipality", "Account",
           "Registered", "Published pitches", "Organisation", "Investor profile listed",
           "Type", "Ticket min (NOK)", "Ticket max (NOK)", "Sectors", "Stages",
           "The profile's contact", "Invited", "Answered", "Attended", "Meetings held"],
    "nb": ["ID", "Navn", "E-post", "Telefon", "Rolle", "Forening", "Kommune", "Konto",
           "Registrert", "Publiserte pitcher", "Organisasjon", "Investorprofilen er synlig",
           "Type", "Minste investering (kr)", "Største investering (kr)", "Bransjer", "Faser",
           "Profilens kontakt", "Invitert", "Svart", "Møtte", "Gjennomførte møter"],
}


def _csv(response, lang: str = "en") -> list[dict[str, str]]:
    assert response.status_code == 200, response.status_code
    assert response.headers["Content-Type"].startswith("text/csv")
    assert response.data.startswith("\ufeff".encode())  # Excel reads æøå
    text = response.get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text), delimiter=";" if lang == "nb" else ","))
    assert rows[0] == HEADERS[lang]
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def _xlsx(response) -> list[list]:
    assert response.status_code == 200, response.status_code
    sheet = load_workbook(io.BytesIO(response.data)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _listed_ids(client, query: str) -> list[int]:
    """The ids of every row the list shows with `query`, page after page."""
    ids, page = [], 1
    while True:
        text = client.get(f"/staff/members?{query}&page={page}").get_data(as_text=True)
        found = [int(i) for i in re.findall(r'<tr data-user-id="(\d+)"', text)]
        if not found or page > 10:
            return ids
        ids += found
        if f"page={page + 1}" not in text:
            return ids
        page += 1


@pytest.fixture
def world(app):
    """Asker's members (as test_staff_members_list's, with contacts and arenas) and thirty
    more, so the list has two pages; a Drammen founder; a deleted Asker account."""
    people = {
        "pitching": make_user("founder", "kari@gründer.no", name="Kari Østby",
                              phone="+47 912 34 567", municipality="asker"),
        "drafting": make_user("founder", name="Ola Utkast"),
        "listed": make_user("investor", name="Ivar Investor"),
        "unlisted": make_user("investor", name="Siri Skjult"),
        "gone": make_user("founder", name="Dag Deaktivert", active=False),
        "new": make_user("founder", name="Nina Ny"),
        "elsewhere": make_user("founder", "per@drammen.no", name="Per Drammen",
                               association="drammen"),
        "deleted": make_user("founder", "x1@deleted.invalid", name="Deleted user"),
    }
    people["new"].email_confirmed_at = None
    db.session.commit()
    make_pitch(people["pitching"], title="Solkraft")
    make_pitch(people["pitching"], title="Vindkraft", hidden=True)
    make_pitch(people["drafting"], status="draft")
    make_investor(people["listed"], organisation="Fjord Kapital AS", investor_type="angel",
                  ticket_min=500_000, ticket_max=2_000_000, sectors=["energy"],
                  stages=["seed"], contact_email="post@fjord.no", contact_phone=None)
    make_investor(people["unlisted"], organisation="Skjult Kapital AS", active=False)
    for n in range(30):
        make_user("founder", name=f"Medlem {n:02d}")
    return people


def test_the_list_links_its_export_with_its_filters(app, world):
    client = logged_in_client(app, make_user("staff", locale="en"))
    page = client.get("/staff/members?role=founder&state=active&q=kari").get_data(as_text=True)
    block = re.search(r'id="export-list">(.*?)</p>', page, re.S)
    assert block is not None and "Download this list" in block.group(1)
    links = [html.unescape(h) for h in re.findall(r'href="([^"]+)"', block.group(1))]
    assert [link.split("?")[0] for link in links] == ["/exports/members.csv",
                                                     "/exports/members.xlsx"]
    for link in links:
        assert "role=founder" in link and "state=active" in link and "q=kari" in link
    rows = _csv(client.get(links[0]))
    assert [row["Name"] for row in rows] == ["Kari Østby"]
    assert [row[1] for row in _xlsx(client.get(links[1]))[1:]] == ["Kari Østby"]


def test_every_page_in_the_lists_order(app, world):
    """36 members: the list's two pages, all of them in the file, as the list orders them."""
    client = logged_in_client(app, make_user("staff", locale="en"))
    listed = _listed_ids(client, "")
    assert len(listed) == 36
    assert [int(row["Id"]) for row in _csv(client.get("/exports/members.csv"))] == listed
    assert [row[0] for row in _xlsx(client.get("/exports/members.xlsx"))[1:]] == listed


@pytest.mark.parametrize("query", [
    "q=%C3%98STBY", "q=gr%C3%BCnder.no", "q=fjord+kapital", "q=kapital", "q=drammen",
    "role=investor", "role=founder", "state=active", "state=unconfirmed", "state=deactivated",
    "holding=pitch", "holding=no_pitch", "holding=listed", "holding=not_listed",
    "role=founder&state=active&q=medlem+1"])
def test_the_file_holds_what_the_list_finds(app, world, query):
    client = logged_in_client(app, make_user("staff", locale="en"))
    exported = [int(row["Id"]) for row in _csv(client.get(f"/exports/members.csv?{query}"))]
    assert exported == _listed_ids(client, query)


def test_staff_get_only_their_own_associations_members(app, world):
    """Whatever the address says: staff have no association filter (the list ignores one
    typed in, as the file does); a deleted account is in no file."""
    client = logged_in_client(app, make_user("staff", locale="en"))
    drammen = association_by_slug("drammen").id
    for query in ("", f"association={drammen}", "q=per", "q=deleted"):
        text = client.get(f"/exports/members.csv?{query}").get_data(as_text=True)
        assert "Per Drammen" not in text and "per@drammen.no" not in text
        assert "Deleted user" not in text and "deleted.invalid" not in text
    rows = _csv(client.get("/exports/members.csv"))
    assert {row["Association"] for row in rows} == {association_by_slug("asker").name}


def test_admins_get_every_association_or_the_one_chosen(app, world):
    client = logged_in_client(app, make_user("admin", association=None, locale="en"))
    everyone = _csv(client.get("/exports/members.csv"))
    assert "Per Drammen" in [row["Name"] for row in everyone]
    assert "Deleted user" not in [row["Name"] for row in everyone]
    drammen = association_by_slug("drammen").id
    assert [row["Name"] for row in _csv(client.get(
        f"/exports/members.csv?association={drammen}"))] == ["Per Drammen"]
    assert [int(row["Id"]) for row in everyone] == _listed_ids(client, "")


def test_a_staff_member_of_no_association_gets_the_header_only(app, world):
    client = logged_in_client(app, make_user("staff", association=None, locale="en"))
    assert _csv(client.get("/exports/members.csv")) == []


def test_what_a_row_holds(app, world):
    client = logged_in_client(app, make_user("staff", locale="en"))
    rows = {row["Name"]: row for row in _csv(client.get("/exports/members.csv"))}
    kari = rows["Kari Østby"]
    assert kari["E-mail"] == "kari@gründer.no" and kari["Phone"] == "'+47 912 34 567"
    assert (kari["Role"], kari["Municipality"], kari["Account"]) == ("Founder", "Asker",
                                                                      "Active")
    assert kari["Published pitches"] == "2" and kari["Organisation"] == ""
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", kari["Registered"])
    ivar = rows["Ivar Investor"]
    assert (ivar["Organisation"], ivar["Investor profile listed"], ivar["Type"]) == (
        "Fjord Kapital AS", "Yes", "Angel investor")
    assert (ivar["Ticket min (NOK)"], ivar["Ticket max (NOK)"]) == ("500000", "2000000")
    assert (ivar["Sectors"], ivar["Stages"], ivar["Published pitches"]) == ("Energy", "Seed", "")
    assert ivar["The profile's contact"] == "post@fjord.no"
    assert rows["Siri Skjult"]["Investor profile listed"] == "No"
    assert rows["Nina Ny"]["Account"] == "Not confirmed"
    assert rows["Dag Deaktivert"]["Account"] == "Deactivated"


def test_headers_and_cells_in_bokmal(app, world):
    client = logged_in_client(app, make_user("staff", locale="nb"))
    rows = {row["Navn"]: row for row in _csv(client.get("/exports/members.csv"), "nb")}
    assert rows["Kari Østby"]["Rolle"] == "Gründer"
    assert rows["Nina Ny"]["Konto"] == "Ikke bekreftet"
    assert rows["Ivar Investor"]["Investorprofilen er synlig"] == "Ja"
    header = _xlsx(client.get("/exports/members.xlsx"))[0]
    assert header == HEADERS["nb"]


def test_contacts_only_where_the_member_page_shows_them(app, world, monkeypatch):
    """The file asks contacts.contacts_visible_to, the member page's rule for a list: staff
    see their own members' (every member they can export), so this test takes the answer
    away to see that every contact cell follows it."""
    from app.services import member_export

    client = logged_in_client(app, make_user("staff", locale="en"))
    asked = []

    def nobody(viewer, people):
        asked.append(len(list(people)))
        return set()

    monkeypatch.setattr(member_export, "contacts_visible_to", nobody)
    rows = _csv(client.get("/exports/members.csv"))
    assert asked == [36]  # once, for the whole file
    for row in rows:
        assert row["E-mail"] == row["Phone"] == row["The profile's contact"] == ""
    sheet = load_workbook(io.BytesIO(client.get("/exports/members.xlsx").data)).active
    cells = [c for row in sheet.iter_rows(min_row=2, values_only=True) for c in row]
    assert "kari@gründer.no" not in cells and "+47 912 34 567" not in cells


def test_founders_investors_and_anonymous_are_refused(app, world):
    for role in ("founder", "investor"):
        client = logged_in_client(app, make_user(role))
        for fmt in ("csv", "xlsx"):
            assert client.get(f"/exports/members.{fmt}").status_code == 403
    response = app.test_client().get("/exports/members.csv")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_bad_filter_downloads_nothing(app, world):
    client = logged_in_client(app, make_user("staff", locale="en"))
    response = client.get("/exports/members.csv?state=gone")
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/staff/members?state=gone")


def test_formulas_are_neutralised(app):
    make_user("founder", name="=HYPERLINK(\"http://x\",\"klikk\")")
    investor = make_user("investor", name="@SUM(A1)")
    make_investor(investor, organisation="+cmd|' /C calc'!A0", contact_email=None,
                  contact_phone="-1+1")
    client = logged_in_client(app, make_user("staff", locale="en"))
    rows = _csv(client.get("/exports/members.csv"))
    names = sorted(row["Name"] for row in rows)
    assert names == ["'=HYPERLINK(\"http://x\",\"klikk\")", "'@SUM(A1)"]
    row = next(row for row in rows if row["Name"] == "'@SUM(A1)")
    assert row["Organisation"] == "'+cmd|' /C calc'!A0"
    assert row["The profile's contact"] == "'-1+1"
    sheet = load_workbook(io.BytesIO(client.get("/exports/members.xlsx").data)).active
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                assert cell.data_type == "s"  # text, never a formula


def test_the_order_is_the_lists_and_stable(app):
    """By name in Norwegian order (Æ, Ø, Å after Z), people of one name by id, the same
    every time."""
    ids = [make_user("founder", name=name).id
           for name in ("Åse", "Ola", "Zara", "Ola", "Øystein", "Ærlig", "Ola")]
    client = logged_in_client(app, make_user("staff", locale="nb"))
    first = [(row["Navn"], int(row["ID"])) for row in
             _csv(client.get("/exports/members.csv"), "nb")]
    olas = sorted(i for i, name in zip(ids, ("Åse", "Ola", "Zara", "Ola", "Øystein",
                                            "Ærlig", "Ola"), strict=True) if name == "Ola")
    assert [name for name, _ in first] == ["Ola", "Ola", "Ola", "Zara", "Ærlig", "Øystein",
                                           "Åse"]
    assert [i for name, i in first if name == "Ola"] == olas
    again = [(row["Navn"], int(row["ID"])) for row in
             _csv(client.get("/exports/members.csv"), "nb")]
    assert again == first


def test_arena_counts_are_the_member_pages(app):
    """Invited, answered, attended and meetings held over the arenas the viewer manages,
    as the member page counts them."""
    person = make_user("founder", name="Kari Gründer")
    pitch = make_pitch(person)
    arena = make_arena_over()
    mine = make_invitation(arena, person, "accepted", pitch_id=pitch.id, attended=True)
    for slot, came in ((0, True), (1, False)):
        partner = make_user("investor", name=f"Partner {'Alfa' if came else 'Beta'}",
                            association="drammen")
        make_investor(partner)
        make_meeting(arena, mine, make_invitation(arena, partner, "accepted", attended=came),
                     slot=slot)
    drammens = make_arena_over(hosts=("drammen",))
    make_invitation(drammens, person, "accepted", attended=True)
    for viewer, expected in ((make_user("staff", locale="en"), ("1", "0", "1", "1")),
                             (make_user("admin", association=None, locale="en"),
                              ("2", "0", "2", "1"))):
        client = logged_in_client(app, viewer)
        (row,) = _csv(client.get("/exports/members.csv?q=kari"))
        assert (row["Invited"], row["Answered"], row["Attended"],
                row["Meetings held"]) == expected
        page = re.sub(r"\s+", " ", client.get(f"/staff/members/{person.id}")
                      .get_data(as_text=True))
        assert ("Invited: {} · Answered: {} · Attended: {} · Meetings held: {}"
                .format(*expected)) in page
        partners = _csv(client.get("/exports/members.csv?q=partner+alfa"))
        if viewer.is_admin:  # the partner is Drammen's: only the admin's file has them
            assert [row["Meetings held"] for row in partners] == ["1"]
        else:
            assert partners == []


def test_statements_do_not_grow_with_the_members(app, statements):
    client = logged_in_client(app, make_user("staff"))
    arena = make_arena_over()
    counted = []
    for more in (3, 30):
        for _ in range(more):
            person = make_user("founder")
            make_pitch(person)
            make_invitation(arena, person, "accepted", attended=True)
            make_investor(make_user("investor"))
        db.session.expire_all()
        counted.append(statements(client, "/exports/members.csv"))
    assert counted[0] == counted[-1], counted
