"""The comparison indicator that lives in the database: the share of KPIs at the best grade in
each municipality's latest published evaluation (the frozen snapshot, so only figures a
municipality has made public cross over). Areas whose municipality does not use sousei, or
has published nothing, have no figure. The per-basic-goal shares are on the partnership's
comparison page (strategies:compare); goals differ between plans, the total compares."""

from __future__ import annotations

import numpy as np
import pandas as pd

from sousei.io.reference.mergers import code_mapping
from sousei.vision.compare import Indicator
from sousei.web.accounts.models import OrganisationKind
from sousei.web.strategies.models import EvaluationSnapshot


def best_grade_share(codes: tuple[str, ...]) -> np.ndarray:
    """Per area (census codes), the best grade's share of the evaluated KPIs (a fraction)."""
    current = code_mapping(list(codes), since="2015-10-01")
    keys = [current.get(code, code) for code in codes]
    snapshots = (EvaluationSnapshot.objects
                 .filter(strategy_ref__organisation__code__in=keys,
                         strategy_ref__organisation__kind=OrganisationKind.MUNICIPALITY,
                         strategy_ref__is_demo=False)
                 .select_related("strategy_ref__organisation")
                 .order_by("fiscal_year", "published_at"))
    latest = {s.strategy_ref.organisation.code: s.data for s in snapshots}  # the last wins
    shares = pd.Series({code: data["total"]["shares"].get(data["symbols"][0], 0) / 100
                        for code, data in latest.items() if data["total"].get("kpi_count")},
                       dtype=float)
    return shares.reindex(keys).to_numpy(float)


KPI_INDICATORS = {
    "kpi_best_share": Indicator(
        "KPIの達成状況 (最上位の評価の割合、公表済みの最新の評価)", "percent",
        "各団体が sousei で公表した効果検証の評価", best_grade_share),
}
