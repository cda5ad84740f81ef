"""Report tables, charts, Excel and PDF builders."""
