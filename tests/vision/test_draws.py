"""Probabilistic runs: the same numbers in memory, on Dask threads and on a real cluster, and
draws that spread as the backtest errors did."""

from __future__ import annotations

import numpy as np
import pytest

from sousei.vision.areas import data_codes
from sousei.vision.draws import DrawRequest, draws_frame, draws_in_memory, draws_with_dask
from sousei.vision.interval_tables import total_bands
from sousei.vision.run import ProjectionRequest, run_projection

SMALL = ("40203", "40212", "40601", "13381", "47382")  # 久留米市 大川市 香春町 三宅村 与那国町


def _small(**changes) -> DrawRequest:
    fields = dict(regions=SMALL, to_year=2035, draws=40, seed=7, regions_per_chunk=2)
    return DrawRequest(**{**fields, **changes})


def test_dask_threads_give_the_numbers_of_the_in_memory_run() -> None:
    request = _small()
    assert len(request.chunks()) == 3
    in_memory = draws_in_memory(request)
    assert np.array_equal(draws_with_dask(request), in_memory)
    assert in_memory.shape == (5, 5, 6)  # years, regions, mean + 5 quantiles


def test_a_region_chunk_draws_from_its_own_seed() -> None:
    same = draws_in_memory(_small())
    assert np.array_equal(draws_in_memory(_small()), same)
    other = draws_in_memory(_small(seed=8))
    assert not np.array_equal(other[1:], same[1:])
    # The base year is the census in every draw.
    assert np.allclose(same[0, :, 0], same[0, :, 3])


def test_a_real_local_cluster_gives_the_same_numbers() -> None:
    distributed = pytest.importorskip("distributed")
    request = _small()
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        on_cluster = draws_with_dask(request, scheduler=cluster.scheduler_address)
    assert cluster.scheduler_address.startswith("tcp://")
    assert np.array_equal(on_cluster, draws_in_memory(request))


@pytest.mark.slow
def test_draws_spread_like_the_prediction_bands_within_the_backtested_horizons() -> None:
    codes = data_codes(prefecture="40")
    request = DrawRequest(codes, 2015, 2035, draws=400, seed=3)
    summary = draws_with_dask(request)
    _, run = run_projection(ProjectionRequest(codes, 2015, 2035))
    bands = total_bands(run)
    for step in (1, 2, 4):  # 5, 10 and 20 years
        for statistic, bound in ((2, "lower_80"), (4, "upper_80")):
            ratio = np.median(summary[step, :, statistic] / bands[bound][0, step])
            assert ratio == pytest.approx(1.0, abs=0.06), (step, bound)


def test_the_long_frame_names_every_statistic() -> None:
    request = _small()
    frame = draws_frame(request, draws_in_memory(request))
    assert list(frame.columns) == ["area_code", "year", "draws", "mean", "q025", "q100",
                                   "q500", "q900", "q975"]
    assert len(frame) == 5 * 5
    kurume = frame[(frame["area_code"] == "40203") & (frame["year"] == 2015)].iloc[0]
    assert kurume["mean"] == 304_552  # the 2015 census, 年齢不詳 allocated
    assert (frame["q025"] <= frame["q500"]).all() and (frame["q500"] <= frame["q975"]).all()


@pytest.mark.parametrize("draws", [0, -3])
def test_a_run_without_draws_is_refused(draws) -> None:
    with pytest.raises(ValueError, match="試行回数"):
        _small(draws=draws)
