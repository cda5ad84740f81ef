"""Readers and writers for the outside formats; errors name file, sheet, row and column."""
