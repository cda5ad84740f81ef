"""Strategy hierarchy, KPI targets, grading and summaries (pure, no I/O)."""
