"""The baseline's prediction intervals in the 人口ビジョン report: a table under the projection.

A planner quoting a 2045 figure should say how sure it is: the 80% and 95% bands come from how
far the same method missed the census from every past base (vision/intervals.py).
"""

from __future__ import annotations

from sousei.reports.table import Cell, ReportTable
from sousei.reports.vision_data import VisionData
from sousei.vision.interval_tables import interval_table

NOTES = (
    "※予測区間は、1995～2010年の国勢調査を基準年として同じ方法で推計した全市区町村(福島県を除く)の"
    "誤差から、人口規模と推計年数ごとに求めました。過去の誤差がこの範囲に入った割合が80%・95%です。",
    "※20年を超える推計年数では、20年の誤差の幅を年数に比例して広げています。",
)


def interval_report_table(data: VisionData) -> ReportTable | None:
    """基準推計 total with its 80% and 95% bounds per year (None when no model is known)."""
    try:
        frame = interval_table(data.run, data.region)
    except ValueError:  # a base year before any backtest
        return None
    baseline = frame.xs(frame.index[0][0], level="シナリオ")
    rows = tuple(
        (Cell(f"基準推計 {indicator}", emphasis=indicator == "総人口"),
         *(Cell(float(value), "count") for value in values))
        for indicator, values in baseline.iterrows()
    )
    return ReportTable(
        key="推計_予測区間",
        title=f"{data.name} 基準推計の総人口と予測区間",
        header=((Cell("区分"), *(Cell(year, "year") for year in data.years)),),
        body=rows,
        notes=NOTES,
        unit="人",
    )
