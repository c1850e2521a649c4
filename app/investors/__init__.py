"""Investor profiles: the investor's own, and the public list founders browse."""
