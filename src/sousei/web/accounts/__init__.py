"""Organisations, memberships with roles, login, and the one access helper."""
