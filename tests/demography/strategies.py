"""Hypothesis strategies for populations and assumptions on the projection grid."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from sousei.demography.ages import N_AGES
from sousei.demography.assumptions import Assumptions

counts = st.floats(min_value=0, max_value=5e4, allow_nan=False, allow_infinity=False)


@st.composite
def populations(draw, regions: int = 3) -> np.ndarray:
    return draw(arrays(float, (regions, 2, N_AGES), elements=counts))


@st.composite
def assumptions(draw, regions: int = 3, steps: int = 4, migration: bool = True) -> Assumptions:
    survival = draw(arrays(float, (steps, regions, 2, N_AGES), elements=st.floats(0.3, 1.0)))
    rate = (
        draw(arrays(float, (steps, regions, 2, N_AGES), elements=st.floats(-0.6, 0.6)))
        if migration
        else np.zeros((steps, regions, 2, N_AGES))
    )
    return Assumptions(
        survival_ratio=survival,
        net_migration_rate=rate,
        child_woman_ratio=draw(arrays(float, (steps, regions), elements=st.floats(0.0, 0.5))),
        sex_ratio_0_4=draw(arrays(float, (steps, regions), elements=st.floats(90.0, 120.0))),
        birth_survival=draw(arrays(float, (regions, 2), elements=st.floats(0.9, 1.0))),
    )
