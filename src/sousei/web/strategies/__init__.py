"""Strategy persistence: the tree, budgets, partner roles, KPI actuals, comments, snapshots."""
