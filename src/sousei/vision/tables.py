"""Projection results as tables: the simulation table of a 人口ビジョン and the long layout.

Numbers stay numbers here (persons as floats, shares as fractions); Japanese formatting
(△, separators, %) happens where they are printed or written.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sousei.demography.ages import AGE_STARTS, AGE_STEP, OPEN_AGE, SEXES
from sousei.demography.indicators import (
    INDICATOR_LABELS,
    SHARE_INDICATORS,
    difference_from_baseline,
    indicators,
)
from sousei.demography.projection import Projection
from sousei.demography.runner import ScenarioRun
from sousei.japanese.quantity import Quantity
from sousei.vision.ipss_reference import IpssFigures, ipss_figures

DIFFERENCE_SUFFIX = "(基準推計との差)"
INDICATOR_KINDS: dict[str, Quantity] = {
    name: Quantity.RATIO if name in SHARE_INDICATORS else Quantity.PERSONS
    for name in INDICATOR_LABELS
}
# The kind of every row label a simulation table can hold (指標 and its difference row).
ROW_KINDS: dict[str, Quantity] = {
    **{INDICATOR_LABELS[name]: kind for name, kind in INDICATOR_KINDS.items()},
    **{INDICATOR_LABELS[name] + DIFFERENCE_SUFFIX: Quantity.PERSONS
       for name in INDICATOR_LABELS if name not in SHARE_INDICATORS},
}


def scenario_label(run: ScenarioRun, k: int) -> str:
    scenario = run.scenarios[k]
    if scenario.name == "baseline":
        return "基準推計"
    return scenario.name


def run_indicators(run: ScenarioRun, combined: bool = False) -> dict[str, np.ndarray]:
    """Indicator arrays (scenario, year, region) of a run, Japanese/foreign rows when split.

    ``combined``: one region, the sum of every region (a partnership as a whole); shares are
    then computed from the summed counts, not averaged.
    """
    total = run.total.population
    foreign = run.foreign.population if run.foreign is not None else None
    if combined:
        total = total.sum(axis=2, keepdims=True)
        foreign = foreign.sum(axis=2, keepdims=True) if foreign is not None else None
    return indicators(total, foreign)


def reference_index(run: ScenarioRun, name: str | None) -> int:
    """The scenario the differences are taken from, by its name or label (None: the baseline)."""
    if not name:
        return 0
    for k, scenario in enumerate(run.scenarios):
        if name in (scenario.name, scenario_label(run, k)):
            return k
    names = "、".join(scenario_label(run, k) for k in range(len(run.scenarios)))
    raise ValueError(f"比較の基準にするシナリオ「{name}」がありません (使えるシナリオ: {names})")


def difference_suffix(run: ScenarioRun, reference: int = 0) -> str:
    """The label ending of difference rows: 基準推計との差, or another scenario's name."""
    return DIFFERENCE_SUFFIX if reference == 0 else f"({scenario_label(run, reference)}との差)"


def simulation_table(run: ScenarioRun, region: int | None, reference: int = 0) -> pd.DataFrame:
    """Rows (シナリオ, 指標) x columns years for one region (None: the sum of all regions),
    with difference rows.

    Like the 人口推移のシミュレーション tables: each scenario block repeats the indicator rows,
    and every scenario other than the reference (the baseline unless another is chosen, so a
    planner can show 改善シナリオ minus 将来推計 as the seeds' 総人口改善 rows do) adds its difference
    from the reference for the counts (shares are compared by reading the blocks side by side).
    """
    values = run_indicators(run, combined=region is None)
    region = 0 if region is None else region
    if not 0 <= reference < len(run.scenarios):
        raise ValueError(f"比較の基準にするシナリオ番号 {reference} がありません")
    differences = difference_from_baseline(values, reference)
    suffix = difference_suffix(run, reference)
    rows: list[tuple[str, str]] = []
    data: list[np.ndarray] = []
    for k in range(len(run.scenarios)):
        label = scenario_label(run, k)
        for name, array in values.items():
            rows.append((label, INDICATOR_LABELS[name]))
            data.append(array[k, :, region])
        if k == reference:
            continue
        for name, array in differences.items():
            if name in SHARE_INDICATORS:
                continue
            rows.append((label, INDICATOR_LABELS[name] + suffix))
            data.append(array[k, :, region])
    index = pd.MultiIndex.from_tuples(rows, names=["シナリオ", "指標"])
    return pd.DataFrame(np.array(data), index=index, columns=list(run.total.years))


def long_frame(projection: Projection, scenario_labels: list[str] | None = None) -> pd.DataFrame:
    """Every cell as the long layout plus a ``scenario`` column (one row per cell)."""
    k, y, r, s, a = (axis.ravel() for axis in np.indices(projection.population.shape))
    labels = np.array(scenario_labels or list(projection.scenarios), dtype=object)
    ages = np.array(AGE_STARTS)
    spans = pd.array(np.full(a.shape, AGE_STEP), dtype="Int64")
    spans[ages[a] == OPEN_AGE] = pd.NA
    return pd.DataFrame(
        {
            "area_code": np.array(projection.regions, dtype=object)[r],
            "nationality": projection.nationality,
            "sex": np.array(SEXES, dtype=object)[s],
            "age_start": ages[a],
            "age_span": spans,
            "year": np.array(projection.years)[y],
            "value": projection.population.ravel(),
            "scenario": labels[k],
        }
    )


def simulation_kinds(table: pd.DataFrame) -> list[Quantity]:
    """The kind of each row of a :func:`simulation_table`, by its indicator (never by the
    scenario's name, which the user writes)."""
    return [row_kind(indicator) for _, indicator in table.index]


def row_kind(indicator: str) -> Quantity:
    """The kind of a row label: an indicator, or a difference row against any scenario
    (``…(基準推計との差)``, ``…(出生率向上との差)``), which counts persons."""
    if indicator in ROW_KINDS:
        return ROW_KINDS[indicator]
    if indicator.endswith("との差)") and indicator[: indicator.rindex("(")] in ROW_KINDS:
        return Quantity.PERSONS
    raise KeyError(f"表の行「{indicator}」の量の種類が決まっていません")


def batch_summary_kinds(run: ScenarioRun) -> dict[str, Quantity]:
    """The kind of each column of :func:`batch_summary` (same titles, same order)."""
    years = run.total.years
    kinds = {"地域コード": Quantity.TEXT, "地域名": Quantity.TEXT,
             f"{years[0]}年 総人口": Quantity.PERSONS}
    for k in range(len(run.scenarios)):
        kinds[f"{years[-1]}年 総人口 ({scenario_label(run, k)})"] = Quantity.PERSONS
    kinds["増減率 (基準推計)"] = Quantity.RATIO
    kinds[f"{years[-1]}年 高齢化率 (基準推計)"] = Quantity.RATIO
    return kinds


def batch_summary(run: ScenarioRun, names: tuple[str, ...]) -> pd.DataFrame:
    """One row per region: base and final totals per scenario, change and ageing rate
    (the kinds of its columns: :func:`batch_summary_kinds`)."""
    values = run_indicators(run)
    total = values["total"]
    years = run.total.years
    frame = pd.DataFrame({"地域コード": run.total.regions, "地域名": names})
    frame[f"{years[0]}年 総人口"] = total[0, 0]
    for k in range(len(run.scenarios)):
        label = scenario_label(run, k)
        frame[f"{years[-1]}年 総人口 ({label})"] = total[k, -1]
    frame["増減率 (基準推計)"] = np.divide(
        total[0, -1] - total[0, 0],
        total[0, 0],
        out=np.zeros_like(total[0, 0]),
        where=total[0, 0] > 0,
    )
    frame[f"{years[-1]}年 高齢化率 (基準推計)"] = values["elderly_share"][0, -1]
    return frame


IPSS_INDICATORS = {"total": INDICATOR_LABELS["total"], "child": INDICATOR_LABELS["child"],
                   "working": INDICATOR_LABELS["working"], "elderly": INDICATOR_LABELS["elderly"]}


def ipss_table(figures: list[IpssFigures]) -> pd.DataFrame:
    """Rows (推計, 指標) x the years of either edition: IPSS 2018 and 2023's totals and three
    age groups, NaN in a year an edition has no figure for (printed as —)."""
    years = sorted({year for f in figures for year in f.years})
    rows, data = [], []
    for f in figures:
        for group, name in IPSS_INDICATORS.items():
            points = f.column(group)
            rows.append((f.label, name))
            data.append([points.get(year, np.nan) for year in years])
    index = pd.MultiIndex.from_tuples(rows, names=["推計", "指標"])
    return pd.DataFrame(np.array(data, dtype=float).reshape(len(rows), len(years)), index=index,
                        columns=years)


def region_ipss_table(codes: tuple[str, ...]) -> pd.DataFrame | None:
    """:func:`ipss_table` of the areas together (None when neither edition covers them all)."""
    figures = ipss_figures(codes)
    return ipss_table(figures) if figures else None
