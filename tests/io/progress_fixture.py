"""A realistic 事業一覧 workbook, built cell by cell with openpyxl (not with sousei's writer).

Modelled on published municipal progress tables (see ../shared/docs/examples/kama-progress-r7.txt
for the layout): a fictional city, 4 basic goals, 16 KPIs, plan R7-R11 with actuals for R7-R9,
units and △/▲ inside cells, mixed fiscal-year headers, merged hierarchy cells for goals 1-3 and
blank-cell continuation for goal 4, a ※ note row, pending values and a project not carried out.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

TITLE = "みらい市まち・ひと・しごと創生総合戦略【事業一覧】(期間：令和7年度～令和11年度)"
HEADERS = [
    "基本目標", "主な施策", "具体的な事業", "重要業績評価指標 (KPI)", "基準値 (R5)",
    "R7/実績値", "令和8年度", 2027, "R10/実績値", "R11/実績値",
    "実績値 (目標値比較)", "目標値 (R11まで)", "集計", "担当課", "総合評価", "評価の理由",
]
G1, G2 = "(1) 安定した雇用を生み出す", "(2) 魅力あるまちづくりを進める"
G3, G4 = "(3) 結婚・出産・子育ての切れ目ない支援", "(4) 安心・安全に暮らせるまちをつくる"
# goal, measure, project, KPI, baseline, R7, R8, R9, R10, R11, comparison, target, aggregation,
# department, grade, reason. None marks a cell left to a merge or to the row above.
ROWS: list[list[object]] = [
    [G1, "○創業支援による雇用の創出", "○創業支援事業", "起業支援による創業者数", "5件",
     "8件", "9件", "6件", None, None, None, "5年間に40件", None, "産業振興課", None, None],
    [None, None, "○店舗リフォーム支援事業", "店舗改装件数", "13件",
     7, 10, 12, None, None, None, "5年間に35件", None, "産業振興課", None, None],
    [None, "○農産物のブランド化", "○スマート農業推進事業", "スマート農業導入件数", "0件",
     "4件", "—", "5件", None, None, None, "5年間に20件", None, "農林振興課", None, None],
    [None, None, "○特産品開発事業", "特産品開発件数", "6件",
     "2件", "3件", "集計中", None, None, None, "5年間に25件", None, "産業振興課", None, None],
    [G2, "○移住・定住の促進", "○分譲地整備事業", "分譲地整備区画数", "13区画",
     "29区画", "35区画", "41区画", None, None, None, "5年間に50区画", "ストック", "管財課",
     None, None],
    [None, None, "○住まい応援交付金事業", "交付金活用者数", "42件",
     20, 38, 35, None, None, "95件", "5年間に190件", None, "住宅課", None, None],
    [None, "○観光の活性化", "○観光まちづくり事業", "年間観光入込客数", "24万人",
     "19.9万人", "22.5万人", "25万人", None, None, None, "26万人", None, "産業振興課",
     None, None],
    [None, None, "○ふるさと納税事業", "返礼品の登録数", "80品目",
     "95品目", "102品目", "110品目", None, None, None, "120品目以上", None, "総合政策課",
     None, None],
    [G3, "○地域での子育て支援体制の充実", None, "地域の社会資源の調査", "未着手",
     "未実施", "未実施", "未実施", None, None, None, "実施", None, "子育て支援課", None, None],
    [None, None, None, "※調査の方法と対象について検討中", None,
     None, None, None, None, None, None, None, None, None, None, None],
    [None, "○子育て負担の軽減", "○通学補助事業", "通学等補助金交付者数", "576人",
     "550人", "560人", "590人", None, None, None, "600人", None, "交通政策課", None, None],
    [None, None, "○学力向上プロジェクト事業", "全国学力調査の平均正答率", "全国平均未満",
     "全国平均に到達", "全国平均に到達", "全国平均を上回る", None, None, None,
     "全国平均正答率に到達", None, "学校教育課", "○", "3年連続で全国平均以上"],
    [None, "○出産の希望をかなえる", "○不妊治療費助成事業", "合計特殊出生率", "1.41",
     1.38, 1.35, "人口動態統計公表後、記入予定", None, None, None, "1.60(R11)", None,
     "健康課", None, None],
    [G4, "○公共交通の確保", "○市バス運行管理事業", "市バス年間利用者数", "130,108人",
     "100,084人", "118,000人", "121,500人", None, None, None, "150,000人(R9)", None,
     "交通政策課", None, None],
    [None, "○安全な暮らしの確保", "○交通安全推進事業", "交通事故発生件数", "120件",
     "118件", "96件", "90件", None, None, None, "60件", None, "防災対策課", None, None],
    [None, None, "○防犯対策事業", "刑法犯認知件数", "250件",
     "236件", "228件", "210件", None, None, None, "200件以下", None, "防災対策課",
     None, None],
    [None, "○人の流れをつくる", "○移住相談窓口事業", "社会増減数", "▲1,305人",
     "△380人", "△352人", "△298人", None, None, None, "△200人", None, "総合政策課",
     None, None],
]
FIRST_DATA_ROW = 4
# (first row, last row, column) of merged hierarchy cells, 1-based as Excel shows them.
MERGES = [
    (4, 7, 1), (4, 5, 2), (6, 7, 2),  # goal 1 and its two measures
    (8, 11, 1), (8, 9, 2), (10, 11, 2),  # goal 2
    (12, 16, 1), (12, 13, 2), (12, 13, 3), (14, 15, 2),  # goal 3 (with the ※ note row)
]
NUMERICAL = [
    ["基本目標", "指標", "単位", "基準値", "社人研推計値", "目標値", "実績値", "期間", "備考"],
    [G1, "純移動数", "人", "△1,305", "△1,089", "△414", None, "R8→R12", "公表後、記入予定"],
    [G3, "出生数", "人", 808, 774, 825, None, "R8→R12", "公表後、記入予定"],
]


def build_progress_workbook(path: Path, rows: list[list[object]] | None = None,
                            headers: list[object] | None = None) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "事業一覧"
    ws.cell(row=1, column=1, value=TITLE)
    ws.cell(row=2, column=1, value="(令和10年1月末時点にて把握している数値)")
    for c, header in enumerate(headers or HEADERS, start=1):
        ws.cell(row=3, column=c, value=header)
    for r, row in enumerate(rows or ROWS, start=FIRST_DATA_ROW):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)
    for first, last, col in MERGES:
        ws.merge_cells(start_row=first, end_row=last, start_column=col, end_column=col)
    numerical = book.create_sheet("数値目標")
    for row in NUMERICAL:
        numerical.append(row)
    book.save(path)
    return path
