"""Two password fixes: the e-mail's local part is no password, and imported accounts (who have
not chosen a password yet) cost a login the same scrypt work as everyone else."""

from __future__ import annotations

from app.extensions import db
from app.models import User
from app.services import member_import_apply
from app.services.passwords import hash_password, password_problem, unusable_hash, verify_password
from tests.factories import make_user

EMAIL = "kari.nordmann@bedrift.no"
NEAR = ["kari.nordmann", "Kari.Nordmann", "karinordmann", "kari_nordmann2024",
        "KariNordmann!!", "kari.nordman1", "kari-nordmann-99"]


def test_the_local_part_of_the_email_is_refused_exactly_and_nearly(app):
    with app.test_request_context():
        for password in NEAR:
            problem = password_problem(password, (EMAIL, "Kari Nordmann"))
            assert problem is not None and "e-mail" in problem, password
        # A long phrase that merely mentions the name is fine.
        assert password_problem("kari plukker blåbær i lia hver høst",
                                (EMAIL, "Kari Nordmann")) is None


def test_registration_refuses_the_local_part(client):
    response = client.post("/auth/register", data={
        "role": "founder", "name": "Ola", "email": "solveig.kristiansen@example.no",
        "municipality": "asker", "association": "", "password": "solveig.kristiansen",
        "confirm": "solveig.kristiansen"})
    assert response.status_code == 422
    assert "e-mail" in response.get_data(as_text=True)
    assert db.session.query(User).filter_by(email="solveig.kristiansen@example.no").count() == 0


def test_unusable_hash_has_the_shape_and_cost_of_a_real_one(app):
    real = hash_password("what ever it is, it is long")
    fake = unusable_hash()
    assert fake.split("$")[0] == real.split("$")[0]  # same method and scrypt parameters
    assert len(fake) == len(real) and fake != unusable_hash()
    assert not verify_password(fake, "") and not verify_password(fake, "!imported$")


def test_imported_accounts_get_an_unusable_scrypt_hash(app):
    staff = make_user("staff", association="asker")
    rows = [{"email": "ny.medlem@bedrift.no", "name": "Ny Medlem", "role": "founder",
             "municipality": "Asker", "organisation": "Bedrift AS", "phone": "",
             "sectors": "energy"}]
    member_import_apply.apply(staff, rows)
    user = db.session.query(User).filter_by(email="ny.medlem@bedrift.no").one()
    assert user.password_hash.split("$")[0] == hash_password("x" * 12).split("$")[0]
    assert not verify_password(user.password_hash, "")
