"""Our 2045 totals from the 2015 census beside IPSS 2023's (a plausibility check, not an input).

IPSS 2023 was made from the 2020 census, which the census-estimated method never sees; its
2045 totals are the best published guess of where each municipality is heading, so a method
whose long-run totals leave half-to-double of them is compounding something it should not.
IPSS 2023 uses 2020 codes and projects Fukushima's 13 浜通り municipalities only as one
aggregate (07999): ours are summed the same way.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sousei.demography.ages import AGE_STEP
from sousei.demography.cohort_component import project_cohort_component
from sousei.io.reference import shipped
from sousei.io.reference.mergers import code_mapping
from sousei.vision.inputs import census_history
from sousei.vision.method import DEFAULT_METHOD, CensusMethod, census_assumptions

HAMADORI = "07999"


def projected_totals(
    base_year: int, year: int, method: CensusMethod = DEFAULT_METHOD
) -> pd.DataFrame:
    """area_code (2015 code), name, total at ``year`` for every municipality."""
    history = census_history()
    steps = (year - base_year) // AGE_STEP
    assumptions = census_assumptions(history, base_year, steps, method)
    projection = project_cohort_component(history.at(base_year), assumptions, steps)
    totals = projection.population[0, -1].sum(axis=(-2, -1))
    return pd.DataFrame({"area_code": history.regions, "name": history.names, "total": totals})


def gap_to_ipss2023(method: CensusMethod = DEFAULT_METHOD, year: int = 2045) -> pd.DataFrame:
    """One row per IPSS 2023 municipality (浜通り as one): ours, IPSS's, ratio and % gap."""
    ours = projected_totals(2015, year, method)
    ipss = shipped.ipss2023()
    ipss = ipss[ipss["year"] == year].set_index("area_code")["total"]
    mapping = code_mapping(list(ours["area_code"]), since="2015-10-01")
    current = ours["area_code"].map(mapping)
    fukushima = current.str[:2] == "07"
    ours["ipss_code"] = np.where(fukushima & ~current.isin(ipss.index), HAMADORI, current)
    joined = ours.groupby("ipss_code", as_index=False).agg(
        name=("name", lambda names: "・".join(names) if len(names) > 1 else names.iloc[0]),
        total=("total", "sum"),
    )
    joined["ipss2023"] = joined["ipss_code"].map(ipss)
    joined = joined.dropna(subset=["ipss2023"])
    joined["ratio"] = joined["total"] / joined["ipss2023"]
    joined["gap_pct"] = 100 * (joined["ratio"] - 1)
    return joined.reset_index(drop=True)
