"""Reference data: IPSS projections, HMD/HFD, TFR series, area codes, mergers and the shipped tables."""
