"""Admin: people (roles, associations, deactivation, deletion, inviting staff), associations,
and the audit log, on one blueprint (`bp`, app.admin.blueprint).

Routes only read the form and call the services; the rules (staff need an association, no
admin removes their own rights, the last active admin stays) live in
app.services.account_access, the questions asked before a change in
app.services.account_questions.
"""

from __future__ import annotations

# importing the page modules registers their routes on bp
from app.admin import account_changes, associations, audit_trail, people  # noqa: F401
from app.admin.blueprint import bp

__all__ = ["bp"]
