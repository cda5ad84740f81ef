"""The changes that reach the 将来展望's target population, shown beside the vision.

The target is the VisionChoice's 目標人口 at the end of its 目標年 as a fiscal year (目標年
2030 = 2031-03-31, as 総合戦略 targets are set); each lever of `sousei.vision.target_seeking`
is solved on the organisation's own projection (its latest upload, or the census), the areas
summed."""

from __future__ import annotations

import datetime as dt

from sousei.demography.target_seeking import TargetUnreachableError
from sousei.vision.run import ProjectionRequest, run_projection
from sousei.vision.target_seeking import (
    CENSUS_REFERENCE,
    LEVERS,
    TargetRequest,
    seek_target,
)
from sousei.vision.user_data import project_user_inputs
from sousei.web.accounts.models import Organisation
from sousei.web.vision.compute import CENSUS_BASE_YEAR, dataset_inputs
from sousei.web.vision.data import TO_YEAR, census_codes, end_year, latest_dataset
from sousei.web.vision.models import VisionChoice

JUKI_REFERENCE = (1, 1)  # 住基 tables are dated 1 January


def _request_and_runner(organisation: Organisation):
    dataset = latest_dataset(organisation)
    if dataset is not None:
        inputs = dataset_inputs(dataset)
        request = ProjectionRequest((), dataset.base_year, end_year(dataset.base_year))
        # a census year is dated 1 October; any other base year comes from the register
        reference = CENSUS_REFERENCE if dataset.base_year % 5 == 0 else JUKI_REFERENCE
        return request, (lambda r: project_user_inputs(inputs, r)), reference
    codes = census_codes(organisation)
    if not codes:
        return None, None, None
    return ProjectionRequest(codes, CENSUS_BASE_YEAR, TO_YEAR), run_projection, CENSUS_REFERENCE


def target_context(organisation: Organisation, choice: VisionChoice | None) -> dict:
    if choice is None or not choice.target_population or not choice.target_year:
        return {}
    date = dt.date(choice.target_year + 1, 3, 31)
    request, run, reference = _request_and_runner(organisation)
    if request is None:
        return {}
    answers = []
    for lever, label in LEVERS.items():
        try:
            result = seek_target(request, TargetRequest(choice.target_population, date, lever),
                                 run, reference)
        except (TargetUnreachableError, ValueError) as error:
            answers.append({"lever": label, "error": str(error)})
            continue
        answers.append({"lever": label, "text": result.scenario.description,
                        "without": round(result.without),
                        "achieved": round(result.solution.achieved)})
    return {"target_answers": answers, "target_date": date}
