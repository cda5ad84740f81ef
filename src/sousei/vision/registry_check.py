"""2015 -> 2020 growth of every municipality against the resident registry (住基), a proxy.

The repository holds no municipal census of 2020, but it ships the 総務省 住基 age tables of
1 January 2016 and 1 January 2021, three months after each census. The registry counts
residents by their registration, not where they live (students and base personnel may differ),
so its levels are not the census's; its five-year growth is a fair stand-in for the census's.
Each method's projected growth P(2020) / P(2015) is compared with the registry's: the error in
per cent is the error the projection's 2020 total would have if the census grew like the
registry. IPSS 2018 (made from the same 2015 census) is measured on the same yardstick.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import numpy as np
import pandas as pd

from sousei.demography.cohort_component import project_cohort_component
from sousei.io.population.juki_soumu import municipal_codes, read_juki_ages
from sousei.io.reference import shipped
from sousei.io.reference.mergers import code_mapping
from sousei.vision.hindcast import (
    CENSUS_2020_TOTAL,
    SIZE_CLASSES,
    SIZE_LABELS,
    naive_extrapolation,
)
from sousei.vision.inputs import CensusHistory, census_history
from sousei.vision.method import CensusMethod, census_assumptions

FIRST, LAST = "1604ssnen.xls", "2104ssnen.xlsx"  # 1 Jan 2016 and 1 Jan 2021, 総計


@cache
def _registry_totals(name: str) -> pd.Series:
    table = read_juki_ages(shipped.juki_file(name))
    frame = table.frame[table.frame["area_code"].isin(municipal_codes(table.areas))]
    return frame.groupby("area_code")["value"].sum()


def registry_growth(regions: tuple[str, ...], national_growth: float | None = None) -> np.ndarray:
    """住基 growth 2016 -> 2021 per 2015 code (NaN where the registry lacks the area).

    With ``national_growth`` (the census's, 2020 / 2015) every growth is scaled by one national
    factor so the registry's nation grows as the census's did: the registry lost 1.10% of its
    people while the census lost 0.75% (foreign and unregistered residents), a bias of the
    yardstick that would otherwise count against every projection alike.
    """
    first, last = _registry_totals(FIRST), _registry_totals(LAST)
    current = code_mapping(list(regions), since="2015-10-01")
    codes = pd.Index([current[code] for code in regions])
    growth = (last.reindex(codes) / first.reindex(codes)).to_numpy()
    if national_growth is not None:
        growth = growth * national_growth / (last.sum() / first.sum())
    return growth


def _ipss2018_growth(regions: tuple[str, ...]) -> np.ndarray:
    ipss = shipped.ipss2018()
    totals = ipss[ipss["year"].isin([2015, 2020])].pivot_table(
        index="area_code", columns="year", values="value", aggfunc="sum")
    current = code_mapping(list(regions), since="2015-10-01")
    growth = totals[2020] / totals[2015]
    own = growth.reindex(pd.Index(regions)).to_numpy()
    mapped = growth.reindex(pd.Index([current[c] for c in regions])).to_numpy()
    return np.where(np.isfinite(own), own, mapped)


def _method_growth(history: CensusHistory, method: CensusMethod) -> np.ndarray:
    assumptions = census_assumptions(history, 2015, 1, method)
    projection = project_cohort_component(history.at(2015), assumptions, 1)
    base = history.observed_total[history.years.index(2015)]
    projected = projection.population[0, 1].sum(axis=(-2, -1))
    return np.divide(projected, base, out=np.full_like(base, np.nan), where=base > 0)


def registry_check(
    methods: Mapping[str, CensusMethod], scaled: bool = True
) -> pd.DataFrame:
    """Median and mean absolute % error of 2015 -> 2020 growth, overall and by size class.

    Only municipalities every compared projection covers (IPSS 2018 has no Fukushima towns)
    and the registry knows are kept, so every column is measured on the same places.
    """
    history = census_history()
    base = history.observed_total[history.years.index(2015)]
    truth = registry_growth(history.regions, CENSUS_2020_TOTAL / base.sum() if scaled else None)
    growth = {label: _method_growth(history, method) for label, method in methods.items()}
    with np.errstate(divide="ignore", invalid="ignore"):
        growth["単純な伸び率の延長"] = naive_extrapolation(history, 2015, 2020) / base
    growth["社人研2018年推計"] = _ipss2018_growth(history.regions)
    errors = pd.DataFrame({label: 100 * (g - truth) / truth for label, g in growth.items()})
    keep = errors.notna().all(axis=1).to_numpy() & np.isfinite(truth)
    errors = errors[keep].abs()
    size = pd.cut(base[keep], SIZE_CLASSES, labels=SIZE_LABELS, right=False)
    rows = [{"size_class": "全体", "municipalities": len(errors),
             **{f"{k}|median": v for k, v in errors.median().items()},
             **{f"{k}|mean": v for k, v in errors.mean().items()}}]
    for label in SIZE_LABELS:
        part = errors[np.asarray(size == label)]
        rows.append({"size_class": label, "municipalities": len(part),
                     **{f"{k}|median": v for k, v in part.median().items()},
                     **{f"{k}|mean": v for k, v in part.mean().items()}})
    return pd.DataFrame(rows)
