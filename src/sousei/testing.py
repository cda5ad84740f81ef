"""Assertions shipped with sousei for tests of population tables (ours and users')."""

from __future__ import annotations

import pandas as pd

from sousei.io.layout import COLUMNS, canonical


def assert_population_frames_equal(
    left: pd.DataFrame, right: pd.DataFrame, rtol: float = 0.0, atol: float = 0.0
) -> None:
    """Two long-layout frames hold the same rows, whatever their row order.

    Labels, ages, spans (including <NA> for open groups) and years must match exactly;
    values within ``rtol``/``atol`` (exact by default, as a file round trip must be).
    """
    for name, frame in (("left", left), ("right", right)):
        missing = [c for c in COLUMNS if c not in frame.columns]
        assert not missing, f"{name} lacks columns {missing}"
    a, b = canonical(left), canonical(right)
    assert len(a) == len(b), f"row counts differ: {len(a)} != {len(b)}"
    pd.testing.assert_frame_equal(
        a.drop(columns="value"), b.drop(columns="value"), check_exact=True
    )
    pd.testing.assert_series_equal(
        a["value"], b["value"], rtol=rtol, atol=atol, check_exact=rtol == atol == 0.0
    )
