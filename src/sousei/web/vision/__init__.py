"""人口ビジョン in the web app: population data, current state, projections and scenarios."""
