"""The IPSS-implied inputs are computed once per (regions, base year, steps) and read-only."""

from __future__ import annotations

import numpy as np
import pytest

from sousei.vision.ipss_reference import ipss2018_figures
from sousei.vision.run import ProjectionRequest, _ipss_estimate, ipss_inputs, run_projection


def test_cached_read_only_and_the_same_as_a_fresh_estimate() -> None:
    request = ProjectionRequest(("40203",), 2015, 2045, assumptions="ipss")
    base, assumptions = ipss_inputs(request)
    again = ipss_inputs(ProjectionRequest(("40203",), 2015, 2045, assumptions="ipss"))
    assert again[0] is base and again[1] is assumptions
    with pytest.raises(ValueError):
        base.values[0, 0] = 1.0
    assert not assumptions.net_migration_rate.flags.writeable
    fresh_base, fresh = _ipss_estimate.__wrapped__(("40203",), 2015, request.steps())
    np.testing.assert_array_equal(fresh_base.values, base.values)
    np.testing.assert_array_equal(fresh.net_migration_rate, assumptions.net_migration_rate)
    # Projected on its own implied assumptions, IPSS 2018's 2045 total comes back (279,310).
    _, run = run_projection(request)
    total_2045 = run.total.population[0, -1].sum()
    published = ipss2018_figures(("40203",)).column("total")[2045]
    assert abs(total_2045 - published) <= 20
