"""Logic checks of the scenario variants the web form offers, on 久留米市's shipped census.

Each scenario is built from the scenario-file mapping (the web form's and the CLI's format) and
projected with the census-estimated assumptions, as `sousei project --area 久留米市` does.
"""

from __future__ import annotations

import numpy as np

from sousei.demography.ages import AGE_STARTS, SEXES
from sousei.demography.scenarios import BASELINE
from sousei.io.scenario import scenario_from_mapping
from sousei.vision.inputs import base_tfr
from sousei.vision.run import ProjectionRequest, run_projection

KURUME = "40203"
WOMEN_15_49 = [i for i, age in enumerate(AGE_STARTS) if 15 <= age <= 45]
FEMALE = SEXES.index("F")


def _run(*mappings: dict):
    scenarios = (BASELINE, *(scenario_from_mapping(m) for m in mappings))
    _, run = run_projection(ProjectionRequest((KURUME,), 2015, 2060, scenarios))
    return run.total


def test_tfr_points_at_the_base_tfr_give_the_baseline() -> None:
    tfr = float(base_tfr([KURUME], 2015)[0])
    flat = {"name": "基準と同じ点", "tfr": {"points": {"2030": tfr, "2045": tfr, "2060": tfr}}}
    higher = {"name": "2.07へ", "tfr": {"points": {"2030": 1.6, "2040": 1.8, "2060": 2.07}}}
    projection = _run(flat, higher)
    np.testing.assert_allclose(projection.population[1], projection.population[0], rtol=1e-12)
    # The real path does change the children (and so the total) from the first step on.
    assert (projection.population[2, 1:, 0, :, 0] > projection.population[0, 1:, 0, :, 0]).all()


def test_converging_to_the_whole_rate_equals_net_rates() -> None:
    same = {"name": "収束なし", "migration_variant": {"kind": "converging", "fraction": 1.0,
                                                    "by": 2040}}
    half = {"name": "半減", "migration_variant": {"kind": "converging", "fraction": 0.5,
                                                "by": 2040}}
    projection = _run(same, half)
    np.testing.assert_array_equal(projection.population[1], projection.population[0])
    np.testing.assert_array_equal(projection.net_migration[1], projection.net_migration[0])
    # Halving by 2040: the 2015-20 period still has the whole rate (factor 1 at the base year),
    # later periods move fewer people than the baseline.
    np.testing.assert_allclose(projection.net_migration[2, 0], projection.net_migration[0, 0])
    moved = np.abs(projection.net_migration[:, 1:, ..., 1:]).sum(axis=(-3, -2, -1))
    assert (moved[2] < moved[0]).all()


def test_zero_migration_leaves_the_0_4_driven_only_by_births() -> None:
    projection = _run({"name": "移動ゼロ", "migration_variant": {"kind": "zero"}})
    zero, baseline = 1, 0
    # Nobody moves in any age, so every step is births, deaths and ageing only.
    assert not projection.net_migration[zero].any()
    np.testing.assert_allclose(projection.balance_residual()[zero], 0, atol=1e-6)
    # The 0-4 are the births that survive, as many per woman 15-49 as in the baseline: only
    # the number of women (now without moves) differs.
    children = projection.population[:, 1:, 0, :, 0].sum(axis=-1)
    women = projection.population[:, 1:, 0, FEMALE][..., WOMEN_15_49].sum(axis=-1)
    np.testing.assert_allclose(children[zero] / women[zero], children[baseline] / women[baseline],
                               rtol=1e-12)
    assert not np.allclose(children[zero], children[baseline])
