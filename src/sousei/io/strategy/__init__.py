"""Strategy workbooks: 事業一覧 progress, KPI rows and cells, numerical targets, project sheets, entry templates, comments."""
