"""Security and reliability tests (issue 5): sessions, CSRF, headers, errors, backups."""
