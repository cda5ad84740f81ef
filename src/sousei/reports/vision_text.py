"""The words of a 人口ビジョン report: the assumptions with their sources, and the summary prose.

Prose writes years as 令和7(2025)年 (tables keep 2025 in their headers); every figure in a
sentence is taken from the same arrays as the tables, so text and table cannot disagree.
"""

from __future__ import annotations

from sousei.demography.indicators import indicators
from sousei.japanese import format_number as _format_number
from sousei.japanese import format_percent as _format_percent
from sousei.japanese import format_year_prose
from sousei.reports.table import Cell, ReportTable
from sousei.reports.vision_data import VisionData
from sousei.vision.tables import scenario_label
from sousei.vision.user_data import census_year_for

CENSUS_SOURCE = "総務省統計局「国勢調査」(市区町村別・男女・5歳階級別、1980～2015年)"
LIFE_TABLE_SOURCE = "Human Mortality Database「Japan, Death rates (1x1)」"
TFR_SOURCE = "厚生労働省「人口動態保健所・市区町村別統計」(2008～2012年、ベイズ推定値)"
IPSS_SOURCE = "国立社会保障・人口問題研究所「日本の地域別将来推計人口(平成30(2018)年推計)」"


def format_number(value: object, decimals: int = 0) -> str:
    """numpy scalars as plain floats (the Japanese formatter rounds through Decimal)."""
    return _format_number(float(value), decimals)  # type: ignore[arg-type]


def format_percent(value: object) -> str:
    return _format_percent(float(value))  # type: ignore[arg-type]


def _census_rows(data: VisionData) -> list[tuple[str, str, str]]:
    request = data.request
    # The rates come from the census known at the base year: a 住基 base of 2020 uses the
    # 2010→2015 census rates, and the text must name those years, not the base year.
    known = census_year_for(request.base_year)
    method = request.census_method()
    start = known - 5 * method.migration_periods
    base = (
        ("基準人口", f"{format_year_prose(request.base_year)}の国勢調査人口(年齢不詳を按分)",
         CENSUS_SOURCE)
        if data.resident is None
        else ("基準人口", f"{format_year_prose(data.resident.year)}の人口(利用者のファイル)",
              data.resident.source)
    )
    survival = (
        f"{format_year_prose(known)}までの全国の死亡率の趨勢 (Lee-Carter 法) を延長し、期間ごとに改善"
        if method.improving_survival
        else f"{format_year_prose(known)}までに得られる全国の生命表から算出し、推計期間を通じて一定"
    )
    migration = (
        f"{format_year_prose(start)}～{format_year_prose(known)}の各期間の国勢調査から求めた"
        "コーホート別の純移動率を直近重視で組み合わせ (外れた期間は重みを下げる)、"
        "都道府県の率との差が20年で半減するように収束させる"
        if method.robust_migration
        else f"{format_year_prose(start)}～{format_year_prose(known)}の"
        "国勢調査人口と生残率から求めたコーホート別の純移動率を一定とする"
    )
    children = (
        f"{format_year_prose(known)}の国勢調査の0～4歳人口 ÷ 15～49歳女性人口を、全国の年齢別出生率"
        "(Human Fertility Database) で女性の年齢構成の変化に合わせ、全国の合計特殊出生率の推移を掛けて"
        "シナリオの出生率に比例して変える"
        if method.births == "asfr"
        else f"{format_year_prose(known)}の国勢調査の0～4歳人口 ÷ 15～49歳女性人口に、"
        "全国の合計特殊出生率の推移 (社人研2017年推計の中位仮定、基準年が2015年以降のとき) を掛け、"
        "シナリオの出生率に比例して変える"
        if method.births == "tfr_path"
        else f"{format_year_prose(known)}の国勢調査の0～4歳人口 ÷ 15～49歳女性人口"
        "を一定とし、シナリオの出生率に比例して変える"
    )
    return [
        base,
        ("生残率", survival, LIFE_TABLE_SOURCE),
        ("純移動率", migration, CENSUS_SOURCE),
        ("子ども女性比", children, CENSUS_SOURCE),
    ]


def _ipss_rows(data: VisionData) -> list[tuple[str, str, str]]:
    return [
        (
            "基準人口",
            f"{format_year_prose(data.request.base_year)}の社人研推計の基準人口",
            IPSS_SOURCE,
        ),
        (
            "生残率・純移動率・子ども女性比",
            "社人研推計の人口の推移から逆算した比率(2045年以降は最終期間の値で固定)",
            IPSS_SOURCE,
        ),
    ]


def assumptions_table(data: VisionData) -> ReportTable:
    """The assumptions used and where each came from."""
    rows = _census_rows(data) if data.request.assumptions == "census" else _ipss_rows(data)
    rows.append(("基準の合計特殊出生率", format_number(data.base_tfr, 2), TFR_SOURCE))
    for k, scenario in enumerate(data.run.scenarios):
        if k == 0:
            continue
        text = scenario.description or "シナリオファイルによる仮定"
        rows.append((f"シナリオ「{scenario_label(data.run, k)}」", text, "シナリオファイル"))
    body = tuple(
        (Cell(item, emphasis=True), Cell(text), Cell(source)) for item, text, source in rows
    )
    return ReportTable(
        key="推計の仮定",
        title=f"{data.name} 推計の仮定と出典",
        header=((Cell("項目"), Cell("仮定"), Cell("出典")),),
        body=body,
        widths=(22, 60, 50),
    )


def summary_sentences(data: VisionData) -> list[str]:
    """Two or three sentences that open the chapter, with years in prose form."""
    first, last = data.years[0], data.years[-1]
    values = indicators(data.run.total.population[:, :, data.region])
    total = values["total"]
    change = (total[0, -1] - total[0, 0]) / total[0, 0] * 100 if total[0, 0] else 0.0
    census_first = data.census_years[0]
    sentences = [
        f"{data.name}の総人口は、国勢調査によると{format_year_prose(census_first)}の"
        f"{format_number(data.census_total[0])}人から{format_year_prose(data.census_years[-1])}"
        f"には{format_number(data.census_total[-1])}人となりました。",
        f"基準推計では、{format_year_prose(first)}の{format_number(total[0, 0])}人から"
        f"{format_year_prose(last)}には{format_number(total[0, -1])}人"
        f"({format_percent(change)})となり、高齢化率は"
        f"{format_percent(values['elderly_share'][0, -1] * 100)}に達する見込みです。",
    ]
    for k in range(1, len(data.run.scenarios)):
        gap = total[k, -1] - total[0, -1]
        sentences.append(
            f"シナリオ「{scenario_label(data.run, k)}」では{format_year_prose(last)}の総人口が"
            f"{format_number(total[k, -1])}人となり、基準推計との差は{format_number(gap)}人です。"
        )
    return sentences
