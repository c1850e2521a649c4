"""The expected answer of every route, for every principal and id variant.

Each row lists, in the order of PRINCIPALS —
    anonymous founder_a founder_b investor_a investor_b staff admin deactivated
— the status code the request gets: "L" is a 302 to the login page, "-" means the variant
does not apply to that principal (nothing of theirs to try). Variants: own (the principal's
object), other (someone else's private object: A's draft, B's arena…), other_published
(someone else's public object), then ids that belong to nobody (missing, negative, huge,
non-numeric). Writes are sent with an empty form or JSON body, so a permitted write mostly
answers 422 (the form's own message) and a refused one 403/404.

Regenerate with KOBLE_WRITE_MATRIX=1 (see test_access_matrix.py) and review every 2xx.
"""

# Real words for arguments that are not ids, used in the own/other variants.
FIXED_ARGS = {
    "matches.mark": {"kind": "interested"},
    "members.export_arena": {"kind": "invitations", "fmt": "csv"},
    "members.export_investors": {"fmt": "csv"},
    "members.export_matches": {"fmt": "csv"},
    "members.export_pitches": {"fmt": "csv"},
    "meetings_staff.export": {"kind": "invitations"},
}

# Pages anyone may open, logged in or not (a deactivated user's stale cookie counts as nobody).
PUBLIC = frozenset({
    "main.index", "main.health", "main.privacy", "main.set_language",
    "auth.login", "auth.register", "auth.reset_request", "auth.reset_password", "auth.logout",
    "arenas.rsvp", "api_docs.page", "api-docs.openapi_json",
})
# Routes whose path argument is not an object id (a token): a made-up value may answer 200
# with a friendly "invalid link" page.
ID_FREE = frozenset({"arenas.rsvp", "auth.reset_password"})
# Objects that are not private to one user: another's may be seen by founders/investors.
SHARED = frozenset({"investors.view"})  # investor profiles are public to founders

EXPECTED = {
    'GET account.index': {
        'own': 'L 200 200 200 200 200 200 L',
    },
    'GET account.delete': {
        'own': 'L 200 200 200 200 200 200 L',
    },
    'GET account.export': {
        'own': 'L 200 200 200 200 200 200 L',
    },
    'GET account.tokens': {
        'own': 'L 200 200 200 200 200 200 L',
    },
    'GET admin.association': {
        'missing': 'L 403 403 403 403 403 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET admin.association_list': {
        'own': 'L 403 403 403 403 403 200 L',
    },
    'GET admin.audit': {
        'own': 'L 403 403 403 403 403 200 L',
    },
    'GET admin.invite': {
        'own': 'L 403 403 403 403 403 200 L',
    },
    'GET admin.user': {
        'own': '- 403 403 403 403 403 200 L',
        'other': 'L 403 403 403 403 403 200 L',
        'other_published': 'L 403 403 403 403 403 200 L',
        'missing': 'L 403 403 403 403 403 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET admin.users': {
        'own': 'L 403 403 403 403 403 200 L',
    },
    'GET api-docs.openapi_json': {
        'own': '200 200 200 200 200 200 200 200',
    },
    'GET api_arena_times.my_times': {
        'own': '- 200 200 200 200 403 403 -',
        'other': '401 404 404 404 404 403 403 401',
        'missing': '401 404 404 404 404 403 403 401',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET api_arena_times.person_times': {
        'own': '- 403 403 403 403 200 200 -',
        'other': '401 403 403 403 403 404 200 401',
        'missing': '401 403 403 403 403 404 404 401',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET api_arenas.arena_invitations': {
        'own': '- 403 403 403 403 200 200 -',
        'other': '401 403 403 403 403 404 200 401',
        'missing': '401 403 403 403 403 404 404 401',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET api_arenas.arena_schedule': {
        'own': '- 403 403 403 403 200 200 -',
        'other': '401 403 403 403 403 404 200 401',
        'missing': '401 403 403 403 403 404 404 401',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET api_arenas.list_arenas': {
        'own': '401 200 200 200 200 200 200 401',
    },
    'GET api_arenas.my_agenda': {
        'own': '- 200 200 200 200 403 403 -',
        'other': '401 404 404 404 404 403 403 401',
        'missing': '401 404 404 404 404 403 403 401',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET api_arenas.my_invitations': {
        'own': '401 200 200 200 200 403 403 401',
    },
    'GET api_arenas.read_arena': {
        'own': '- 200 200 200 200 200 200 -',
        'other': '401 404 404 404 404 404 200 401',
        'missing': '401 404 404 404 404 404 404 401',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET api_docs.page': {
        'own': '200 200 200 200 200 200 200 200',
    },
    'GET api_matches.list_interests': {
        'own': '401 200 200 200 200 403 403 401',
    },
    'GET api_matches.mutual_matches': {
        'own': '401 200 200 200 200 403 403 401',
    },
    'GET api_matches.recommended_investors': {
        'own': '- 200 200 - - - - 401',
        'other': '401 404 404 403 403 403 403 401',
        'other_published': '401 404 404 403 403 403 403 401',
        'missing': '401 404 404 403 403 403 403 401',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET api_matches.recommended_pitches': {
        'own': '401 403 403 200 200 403 403 401',
    },
    'GET api_pitches.list_pitches': {
        'own': '401 200 200 200 200 200 200 401',
    },
    'GET api_profile.read_profile': {
        'own': '401 403 403 200 200 403 403 401',
    },
    'GET api_pitches.me': {
        'own': '401 200 200 200 200 200 200 401',
    },
    'GET api_pitches.read_pitch': {
        'own': '- 200 200 - - - - 401',
        'other': '401 404 404 404 404 200 200 401',
        'other_published': '401 404 404 200 200 200 200 401',
        'missing': '401 404 404 404 404 404 404 401',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET arena_invitations.index': {
        'own': '- 403 403 403 403 200 200 -',
        'other': 'L 403 403 403 403 404 200 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET arena_invitations.send': {
        'own': '- 403 403 403 403 302 302 -',
        'other': 'L 403 403 403 403 404 302 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET arena_invitations.times': {
        'own': '- 403 403 403 403 200 200 -',
        'other': 'L 403 403 403 403 404 200 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET arena_staff.edit': {
        'own': '- 403 403 403 403 200 200 -',
        'other': 'L 403 403 403 403 404 200 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET arena_staff.index': {
        'own': 'L 403 403 403 403 200 200 L',
    },
    'GET arena_staff.new': {
        'own': 'L 403 403 403 403 200 200 L',
    },
    'GET arena_staff.outbox_page': {
        'own': 'L 403 403 403 403 404 404 L',
    },
    'GET arena_staff.view': {
        'own': '- 403 403 403 403 200 200 -',
        'other': 'L 403 403 403 403 404 200 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET arenas.mine': {
        'own': 'L 200 200 200 200 200 200 L',
    },
    'GET arenas.rsvp': {
        'own': '404 404 404 404 404 404 404 404',
        'missing': '404 404 404 404 404 404 404 404',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET arenas.view': {
        'own': '- 200 200 200 200 404 404 -',
        'other': 'L 404 404 404 404 404 404 L',
        'missing': 'L 404 404 404 404 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET auth.change_password': {
        'own': 'L 200 200 200 200 200 200 L',
    },
    'GET auth.login': {
        'own': '200 302 302 302 302 302 302 200',
    },
    'GET auth.register': {
        'own': '200 302 302 302 302 302 302 200',
    },
    'GET auth.reset_password': {
        'own': '302 302 302 302 302 302 302 302',
        'missing': '302 302 302 302 302 302 302 302',
        'negative': '302 302 302 302 302 302 302 302',
        'huge': '302 302 302 302 302 302 302 302',
        'non_numeric': '302 302 302 302 302 302 302 302',
    },
    'GET auth.reset_request': {
        'own': '200 200 200 200 200 200 200 200',
    },
    'GET dashboard.index': {
        'own': 'L 403 403 403 403 200 200 L',
    },
    'GET engine_admin.engine': {
        'own': 'L 403 403 403 403 403 200 L',
    },
    'GET investors.browse': {
        'own': 'L 200 200 403 403 200 200 L',
    },
    'GET investors.profile': {
        'own': 'L 403 403 200 200 403 403 L',
    },
    'GET investors.view': {
        'own': '- - - 403 403 - - -',
        'other': 'L 200 200 403 403 200 200 L',
        'other_published': 'L 200 200 403 403 200 200 L',
        'missing': 'L 404 404 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET main.health': {
        'own': '200 200 200 200 200 200 200 200',
    },
    'GET main.index': {
        'own': '200 200 200 200 200 200 200 200',
    },
    'GET main.privacy': {
        'own': '200 200 200 200 200 200 200 200',
    },
    'GET matches.founder_overview': {
        'own': 'L 200 200 403 403 403 403 L',
    },
    'GET matches.hidden_pitches': {
        'own': 'L 200 200 200 200 403 403 L',
    },
    'GET matches.saved_pitches': {
        'own': 'L 200 200 200 200 403 403 L',
    },
    'GET matches.mutual': {
        'own': 'L 200 200 200 200 403 403 L',
    },
    'GET matches.pitch_matches': {
        'own': '- 200 200 - - - - L',
        'other': 'L 404 404 403 403 403 403 L',
        'other_published': 'L 404 404 403 403 403 403 L',
        'missing': 'L 404 404 403 403 403 403 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET matches.recommended': {
        'own': 'L 403 403 200 200 403 403 L',
    },
    'GET meetings.agenda': {
        'own': '- 200 200 200 200 403 403 -',
        'other': 'L 404 404 404 404 403 403 L',
        'missing': 'L 404 404 404 404 403 403 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET meetings.agenda_ics': {
        'own': '- 200 200 200 200 403 403 -',
        'other': 'L 404 404 404 404 403 403 L',
        'missing': 'L 404 404 404 404 403 403 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET meetings.mine': {
        'own': 'L 200 200 200 200 403 403 L',
    },
    'GET meetings.participants': {
        'own': '- 200 200 200 200 403 403 -',
        'other': 'L 404 404 404 404 403 403 L',
        'missing': 'L 404 404 404 404 403 403 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET meetings_staff.attendance_page': {
        'own': '- 403 403 403 403 200 200 -',
        'other': 'L 403 403 403 403 404 200 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET meetings_staff.cancel': {
        'own': '- 403 403 403 403 200 200 -',
        'other': 'L 403 403 403 403 404 200 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET meetings_staff.export': {
        'own': '- 403 403 403 403 200 200 -',
        'other': 'L 403 403 403 403 404 200 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET meetings_staff.schedule': {
        'own': '- 403 403 403 403 200 200 -',
        'other': 'L 403 403 403 403 404 200 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET members.export_arena': {
        'own': '- 403 403 403 403 200 200 -',
        'other': 'L 403 403 403 403 404 200 L',
        'missing': '404 404 404 404 404 404 404 404',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET members.export_investors': {
        'own': 'L 200 200 403 403 200 200 L',
        'missing': '404 404 404 404 404 404 404 404',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET members.export_matches': {
        'own': 'L 200 200 200 200 200 200 L',
        'missing': '404 404 404 404 404 404 404 404',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET members.export_pitches': {
        'own': 'L 403 403 200 200 200 200 L',
        'missing': '404 404 404 404 404 404 404 404',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET members.hub': {
        'own': 'L 200 200 200 200 200 200 L',
    },
    'GET members.import_preview': {
        'own': 'L 403 403 403 403 302 302 L',
    },
    'GET members.import_upload': {
        'own': 'L 403 403 403 403 200 200 L',
    },
    'GET notifications.index': {
        'own': 'L 200 200 200 200 200 200 L',
    },
    'GET pitches.browse': {
        'own': 'L 403 403 200 200 200 200 L',
    },
    'GET pitches.delete': {
        'own': '- 200 200 - - - - L',
        'other': 'L 404 404 403 403 403 403 L',
        'other_published': 'L 404 404 403 403 403 403 L',
        'missing': 'L 404 404 403 403 403 403 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET pitches.edit': {
        'own': '- 200 200 - - - - L',
        'other': 'L 404 404 403 403 403 403 L',
        'other_published': 'L 404 404 403 403 403 403 L',
        'missing': 'L 404 404 403 403 403 403 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET pitches.mine': {
        'own': 'L 200 200 403 403 403 403 L',
    },
    'GET pitches.new': {
        'own': 'L 200 200 403 403 403 403 L',
    },
    'GET pitches.view': {
        'own': '- 200 200 - - - - L',
        'other': 'L 404 404 404 404 200 200 L',
        'other_published': 'L 404 404 200 200 200 200 L',
        'missing': 'L 404 404 404 404 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET staff.hide': {
        'own': '- 403 403 - - - - L',
        'other': 'L 403 403 403 403 200 200 L',
        'other_published': 'L 403 403 403 403 200 200 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'GET staff.pitches': {
        'own': 'L 403 403 403 403 200 200 L',
    },
    'POST account.index': {
        'own': 'L 422 422 422 422 422 422 L',
    },
    'POST account.delete': {
        'own': 'L 422 422 422 422 422 422 L',
    },
    'POST account.email_notifications': {
        'own': 'L 303 303 303 303 303 303 L',
    },
    'POST account.revoke': {
        'own': '- 303 303 303 303 303 303 L',
        'other': 'L 404 404 404 404 404 404 L',
        'missing': 'L 404 404 404 404 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST account.tokens': {
        'own': 'L 422 422 422 422 422 422 L',
    },
    'POST admin.association': {
        'missing': 'L 403 403 403 403 403 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST admin.deactivate': {
        'own': '- 403 403 403 403 403 422 L',
        'other': 'L 403 403 403 403 403 303 L',
        'other_published': 'L 403 403 403 403 403 303 L',
        'missing': 'L 403 403 403 403 403 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST admin.invite': {
        'own': 'L 403 403 403 403 403 422 L',
    },
    'POST admin.reactivate': {
        'own': '- 403 403 403 403 403 303 L',
        'other': 'L 403 403 403 403 403 303 L',
        'other_published': 'L 403 403 403 403 403 303 L',
        'missing': 'L 403 403 403 403 403 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST admin.set_role': {
        'own': '- 403 403 403 403 403 422 L',
        'other': 'L 403 403 403 403 403 422 L',
        'other_published': 'L 403 403 403 403 403 422 L',
        'missing': 'L 403 403 403 403 403 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST api_pitches.create_pitch': {
        'own': '401 422 422 403 403 403 403 401',
    },
    'POST api_pitches.publish_pitch': {
        'own': '- 200 200 - - - - 401',
        'other': '401 404 404 403 403 403 403 401',
        'other_published': '401 404 404 403 403 403 403 401',
        'missing': '401 404 404 403 403 403 403 401',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST api_pitches.unpublish_pitch': {
        'own': '- 200 200 - - - - 401',
        'other': '401 404 404 403 403 403 403 401',
        'other_published': '401 404 404 403 403 403 403 401',
        'missing': '401 404 404 403 403 403 403 401',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST arena_invitations.add': {
        'own': '- 403 403 403 403 400 400 -',
        'other': 'L 403 403 403 403 404 400 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST arena_invitations.move': {
        'own': '- 403 403 403 403 302 302 -',
        'other': 'L 403 403 403 403 404 302 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST arena_invitations.propose': {
        'own': '- 403 403 403 403 302 302 -',
        'other': 'L 403 403 403 403 404 302 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST arena_invitations.remind': {
        'own': '- 403 403 403 403 302 302 -',
        'other': 'L 403 403 403 403 404 302 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST arena_invitations.remove': {
        'own': '- 403 403 403 403 302 302 -',
        'other': 'L 403 403 403 403 404 302 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST arena_invitations.send': {
        'own': '- 403 403 403 403 302 302 -',
        'other': 'L 403 403 403 403 404 302 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST arena_invitations.times': {
        'own': '- 403 403 403 403 302 302 -',
        'other': 'L 403 403 403 403 404 302 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST arena_staff.edit': {
        'own': '- 403 403 403 403 422 422 -',
        'other': 'L 403 403 403 403 404 422 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST arena_staff.new': {
        'own': 'L 403 403 403 403 422 422 L',
    },
    'POST arena_staff.status': {
        'own': '- 403 403 403 403 302 302 -',
        'other': 'L 403 403 403 403 404 302 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST arenas.answer': {
        'own': '- 400 400 400 400 404 404 -',
        'other': 'L 404 404 404 404 404 404 L',
        'missing': 'L 404 404 404 404 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST arenas.rsvp': {
        'own': '404 404 404 404 404 404 404 404',
        'missing': '404 404 404 404 404 404 404 404',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST arenas.rsvp_times': {
        'own': '404 404 404 404 404 404 404 404',
        'missing': '404 404 404 404 404 404 404 404',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST arenas.times': {
        'own': '- 302 302 302 302 404 404 -',
        'other': 'L 404 404 404 404 404 404 L',
        'missing': 'L 404 404 404 404 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST auth.change_password': {
        'own': 'L 422 422 422 422 422 422 L',
    },
    'POST auth.login': {
        'own': '422 302 302 302 302 302 302 422',
    },
    'POST auth.logout': {
        'own': 'L 302 302 302 302 302 302 L',
    },
    'POST auth.register': {
        'own': '422 302 302 302 302 302 302 422',
    },
    'POST auth.reset_password': {
        'own': '302 302 302 302 302 302 302 302',
        'missing': '302 302 302 302 302 302 302 302',
        'negative': '302 302 302 302 302 302 302 302',
        'huge': '302 302 302 302 302 302 302 302',
        'non_numeric': '302 302 302 302 302 302 302 302',
    },
    'POST auth.reset_request': {
        'own': '422 422 422 422 422 422 422 422',
    },
    'POST engine_admin.engine': {
        'own': 'L 403 403 403 403 403 422 L',
    },
    'POST engine_admin.rebuild': {
        'own': 'L 403 403 403 403 403 303 L',
    },
    'POST investors.profile': {
        'own': 'L 403 403 302 302 403 403 L',
    },
    'POST main.set_language': {
        'own': '302 302 302 302 302 302 302 302',
    },
    'POST matches.clear': {
        'own': '- 303 303 303 303 - - L',
        'other': 'L 404 404 404 404 403 403 L',
        'other_published': 'L 404 404 404 404 403 403 L',
        'missing': 'L 404 404 404 404 403 403 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST matches.mark': {
        'own': '- 303 303 303 303 - - L',
        'other': 'L 404 404 404 404 403 403 L',
        'other_published': 'L 404 404 404 404 403 403 L',
        'missing': 'L 404 404 404 404 403 403 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST meetings.answer_request': {
        'own': '- 400 400 400 400 403 403 -',
        'other': 'L 400 400 400 400 403 403 L',
        'missing': 'L 400 400 400 400 403 403 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST meetings.feedback': {
        'own': '- 302 302 302 302 403 403 -',
        'other': 'L 404 404 404 404 403 403 L',
        'missing': 'L 404 404 404 404 403 403 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST meetings.make_request': {
        'own': '- 400 400 400 400 403 403 -',
        'other': 'L 400 400 400 400 403 403 L',
        'missing': 'L 400 400 400 400 403 403 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST meetings.withdraw': {
        'own': '- 302 302 302 302 403 403 -',
        'other': 'L 404 404 404 404 403 403 L',
        'missing': 'L 404 404 404 404 403 403 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST meetings_staff.build': {
        'own': '- 403 403 403 403 302 302 -',
        'other': 'L 403 403 403 403 404 302 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST meetings_staff.cancel': {
        'own': '- 403 403 403 403 302 302 -',
        'other': 'L 403 403 403 403 404 302 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST meetings_staff.lock': {
        'own': '- 403 403 403 403 302 302 -',
        'other': 'L 403 403 403 403 404 302 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST meetings_staff.mark_attendance': {
        'own': '- 403 403 403 403 302 302 -',
        'other': 'L 403 403 403 403 404 302 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST meetings_staff.move': {
        'own': '- 403 403 403 403 303 303 -',
        'other': 'L 403 403 403 403 404 303 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST meetings_staff.restore': {
        'own': '- 403 403 403 403 302 302 -',
        'other': 'L 403 403 403 403 404 302 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST members.import_cancel': {
        'own': 'L 403 403 403 403 303 303 L',
    },
    'POST members.import_confirm': {
        'own': 'L 403 403 403 403 302 302 L',
    },
    'POST members.import_upload': {
        'own': 'L 403 403 403 403 422 422 L',
    },
    'POST notifications.open_one': {
        'own': '- 303 303 303 303 303 303 L',
        'other': 'L 404 404 404 404 404 404 L',
        'missing': 'L 404 404 404 404 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST notifications.read_all': {
        'own': 'L 303 303 303 303 303 303 L',
    },
    'POST pitches.delete': {
        'own': '- 302 302 - - - - L',
        'other': 'L 404 404 403 403 403 403 L',
        'other_published': 'L 404 404 403 403 403 403 L',
        'missing': 'L 404 404 403 403 403 403 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST pitches.edit': {
        'own': '- 302 302 - - - - L',
        'other': 'L 404 404 403 403 403 403 L',
        'other_published': 'L 404 404 403 403 403 403 L',
        'missing': 'L 404 404 403 403 403 403 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST pitches.new': {
        'own': 'L 422 422 403 403 403 403 L',
    },
    'POST pitches.publish': {
        'own': '- 302 302 - - - - L',
        'other': 'L 404 404 403 403 403 403 L',
        'other_published': 'L 404 404 403 403 403 403 L',
        'missing': 'L 404 404 403 403 403 403 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST pitches.unpublish': {
        'own': '- 302 302 - - - - L',
        'other': 'L 404 404 403 403 403 403 L',
        'other_published': 'L 404 404 403 403 403 403 L',
        'missing': 'L 404 404 403 403 403 403 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST staff.hide': {
        'own': '- 403 403 - - - - L',
        'other': 'L 403 403 403 403 422 422 L',
        'other_published': 'L 403 403 403 403 422 422 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'POST staff.unhide': {
        'own': '- 403 403 - - - - L',
        'other': 'L 403 403 403 403 302 302 L',
        'other_published': 'L 403 403 403 403 302 302 L',
        'missing': 'L 403 403 403 403 404 404 L',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'PUT api_arena_times.set_my_times': {
        'own': '- 422 422 422 422 403 403 -',
        'other': '401 404 404 404 404 403 403 401',
        'missing': '401 404 404 404 404 403 403 401',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'PUT api_arena_times.set_person_times': {
        'own': '- 403 403 403 403 422 422 -',
        'other': '401 403 403 403 403 404 422 401',
        'missing': '401 403 403 403 403 404 404 401',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
    'PUT api_matches.mark_interest': {
        'own': '401 422 422 422 422 403 403 401',
    },
    'PUT api_profile.write_profile': {
        'own': '401 403 403 422 422 403 403 401',
    },
    'PUT api_pitches.update_pitch': {
        'own': '- 422 422 - - - - 401',
        'other': '401 422 422 403 403 403 403 401',
        'other_published': '401 422 422 403 403 403 403 401',
        'missing': '401 422 422 403 403 403 403 401',
        'negative': '404 404 404 404 404 404 404 404',
        'huge': '404 404 404 404 404 404 404 404',
        'non_numeric': '404 404 404 404 404 404 404 404',
    },
}
