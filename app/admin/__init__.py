"""The admin's pages for people and associations (the engine's page is app/matches/admin.py)."""
