"""Demo data: a deterministic generator, a bulk loader and the `flask demo` commands."""
