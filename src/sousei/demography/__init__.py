"""Population arrays, demographic rates and projections (pure numpy, no I/O)."""
