"""Founders' pitches: write, preview, publish; investors browse them."""
