"""Helpers for users' own tests: equality checks that say where two results differ."""
