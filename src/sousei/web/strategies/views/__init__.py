"""Strategy pages, one module per feature."""
