"""Flows: vital statistics, moves by age and by origin/destination, foreign residents."""
