"""The current-state tables of a 人口ビジョン report beyond the census: net migration by age and
sex (census residuals), natural and social change by year (vital statistics), and the resident
register (住基) by age, sex and nationality at the base year.

Each table exists only when its data does: net migration always (shipped census), the others
when the user gave a vital statistics file or a population file.
"""

from __future__ import annotations

from sousei.demography.ages import AGE_LABELS_JA, SEX_LABELS_JA, SEXES
from sousei.reports.charts import Chart
from sousei.reports.table import Cell, ReportTable, merge_down, spanned
from sousei.reports.vision_data import VisionData
from sousei.reports.vision_migration_charts import net_migration_chart, vital_chart
from sousei.vision.juki_series import TOTALS_SOURCE
from sousei.vision.net_migration import CENSUS_SOURCE, TRANSITIONS
from sousei.vision.resident import NATIONALITY_LABELS

VITAL_COLUMNS = (
    ("births", "出生"),
    ("deaths", "死亡"),
    ("natural_change", "自然増減"),
    ("in_moves", "転入"),
    ("out_moves", "転出"),
    ("social_change", "社会増減"),
)


def net_migration_table(data: VisionData) -> ReportTable:
    """Rows (sex, age transition) x columns census periods, persons; a 計 row per sex."""
    migration = data.net_migration
    assert migration is not None
    labels = migration.period_labels()
    rows: list[list[Cell | None]] = []
    for s, sex in enumerate(SEXES):
        persons = migration.persons[:, 0, s]  # (period, transition)
        sex_label = f"{SEX_LABELS_JA[sex]}性"
        for k, transition in enumerate(TRANSITIONS):
            cells = (Cell(float(v), "count") for v in persons[:, k])
            rows.append([Cell(sex_label, emphasis=True), Cell(transition, nowrap=True), *cells])
        totals = (Cell(float(v), "count") for v in persons.sum(axis=1))
        rows.append([Cell(sex_label, emphasis=True), Cell("計", emphasis=True), *totals])
    merge_down(rows, 0)
    header = ((Cell("性別"), Cell("年齢(期首→期末)"), *(Cell(label) for label in labels)),)
    return ReportTable(
        key="現状_年齢別純移動数",
        title=f"{data.name} 年齢階級別純移動数の時系列分析(国勢調査)",
        header=header,
        body=tuple(tuple(r) for r in rows),
        unit="人",
        notes=(
            "※純移動数 = 期末の国勢調査人口 − 期首の人口 × 生残率(コーホート要因法の推計と同じ"
            "生残率)。期間中に生まれた人(期末の0～4歳)は含みません。",
            "※85歳以上→90歳以上は期首の85～89歳と90歳以上の合計です。",
            f"出典: {CENSUS_SOURCE}",
        ),
    )


YEARS_PER_BLOCK = 10  # published tables print ten years a row block


def _vital_rows(data: VisionData, rows: tuple[tuple[str, str], ...]) -> list[tuple[Cell | None, ...]]:
    """Blocks of ten years across: a row of years, then one row per quantity."""
    years = list(data.vital)
    label = "年度" if years and all(y.fiscal for y in years) else "年"
    body: list[tuple[Cell | None, ...]] = []
    for first in range(0, len(years), YEARS_PER_BLOCK):
        block = years[first : first + YEARS_PER_BLOCK]
        pad = (None,) * (YEARS_PER_BLOCK - len(block))
        body.append((Cell(label, emphasis=True), *(Cell(y.year, "year", emphasis=True)
                                                   for y in block), *pad))
        for name, title in rows:
            body.append((Cell(title), *(Cell(float(getattr(y, name)), "count") for y in block),
                         *pad))
    return body


def vital_tables(data: VisionData) -> tuple[ReportTable, ReportTable]:
    """自然動態 (出生・死亡・自然増減) and 社会動態 (転入・転出・社会増減) with the years across,
    ten a block, as the published 人口ビジョン print them (△ for falls)."""
    tables = []
    for key, title, rows in (
        ("現状_自然動態", "自然動態(出生・死亡)の推移", VITAL_COLUMNS[:3]),
        ("現状_社会動態", "社会動態(転入・転出)の推移", VITAL_COLUMNS[3:]),
    ):
        body = _vital_rows(data, rows)
        tables.append(ReportTable(
            key=key, title=f"{data.name} {title}", header=(body[0],), body=tuple(body[1:]),
            unit="人", notes=(f"出典: {data.vital_source}",)))
    return tables[0], tables[1]


def resident_table(data: VisionData) -> ReportTable:
    """住基 persons by 5-year age: per nationality 男・女・計 under a merged header, and 総数."""
    resident = data.resident
    assert resident is not None
    blocks = list(resident.by_nationality.items())
    header = (
        (
            Cell("年齢", rowspan=2),
            *(c for kind, _ in blocks for c in spanned(Cell(NATIONALITY_LABELS[kind]), 3)),
        ),
        (None, *(Cell(s) for _ in blocks for s in ("男", "女", "計"))),
    )
    body = []
    for a, label in enumerate((*AGE_LABELS_JA, "総数")):
        cells = []
        for _, values in blocks:
            male, female = (values[0, a], values[1, a]) if a < len(AGE_LABELS_JA) else (
                values[0].sum(),
                values[1].sum(),
            )
            cells += [
                Cell(float(male), "count"),
                Cell(float(female), "count"),
                Cell(float(male + female), "count"),
            ]
        body.append((Cell(label, emphasis=True), *cells))
    return ReportTable(
        key="現状_住民基本台帳人口",
        title=f"{data.name} 男女・年齢5歳階級別人口({resident.year}年、住民基本台帳)",
        header=header,
        body=tuple(body),
        unit="人",
        notes=(f"出典: {resident.source}",),
    )


def resident_totals_table(data: VisionData) -> ReportTable:
    """総人口・日本人・外国人・外国人比率 at each 住基 date 2013-2021."""
    body = tuple((Cell(t.date.replace("-", "/"), emphasis=True), Cell(float(t.total), "count"),
                  Cell(float(t.japanese), "count"), Cell(float(t.foreign), "count"),
                  Cell(t.foreign_share, "share")) for t in data.resident_totals)
    header = ((Cell("日付"), Cell("総人口"), Cell("日本人"), Cell("外国人"), Cell("外国人比率")),)
    return ReportTable(
        key="現状_日本人・外国人",
        title=f"{data.name} 日本人・外国人住民の推移(住民基本台帳)",
        header=header,
        body=body,
        unit="人",
        notes=(f"出典: {TOTALS_SOURCE}",),
    )


def current_state_blocks(data: VisionData) -> tuple[ReportTable | Chart, ...]:
    """The tables and charts this report's data allows, in print order."""
    blocks: list[ReportTable | Chart] = []
    if data.resident is not None:
        blocks.append(resident_table(data))
    if data.vital:
        blocks += [*vital_tables(data), vital_chart(data)]
    if data.resident_totals:
        blocks.append(resident_totals_table(data))
    if data.net_migration is not None:
        blocks += [net_migration_table(data), net_migration_chart(data)]
    return tuple(blocks)
