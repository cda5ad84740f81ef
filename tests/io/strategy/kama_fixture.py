"""嘉麻市's published 事業一覧 (R7 progress), rebuilt cell by cell with openpyxl.

Source: ../shared/docs/examples/kama-progress-r7.txt (嘉麻市まち・ひと・しごと創生本部会議, 令和8年3月),
the 事業一覧 of 嘉麻市人口ビジョン・デジタル田園都市構想総合戦略 (令和7年度～令和11年度): every goal,
measure, project, KPI, baseline, R7 actual, target and 担当課 as printed, and the 数値目標 figures.

Written the way cities publish such tables, some cells carry the annotations a person reads past
(see tests/data/README.md): `８件` (full-width digits), `7件(実績値)` (a bracketed note),
`19.9万人(R6)` (the R6 figure placed in the R7 column), `—` / `－` in 実績値(目標値比較), and the
two-part result `小学校:平均△2.0 中学校:平均△5.0` of the 学力 KPI with its judgement recorded in
総合評価 (嘉麻市's sheet has no 総合評価 column; the two judgements and their reasons are added).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

TITLE = (
    "■嘉麻市まち・ひと・しごと創生（地方創生）の取組【事業一覧】※嘉麻市人口ビジョン・"
    "デジタル田園都市構想総合戦略（期間：令和7年度～令和11年度）"
)
HEADERS = [
    "嘉麻市の基本目標", "主な施策", "具体的な事業", "重要業績評価指標 (KPI)", "基準値 (R5)",
    "R7/実績値 (令和8年1月末時点にて把握している数値を記載)", "R8/実績値", "R9/実績値",
    "R10/実績値", "R11/実績値", "実績値 (目標値比較)", "目標値 (R11まで)", "担当課", "総合評価",
    "評価の理由",
]
G1 = "(1) 「嘉麻市で働きたい」を叶える、安定した雇用を生み出す"
G2 = "(2) 「嘉麻市に行きたい！住みたい！」と思える魅力あるまちづくりを行う"
G3 = "(3) 安心して結婚・出産・子育てすることができる、切れ目のない支援を行う"
G4 = "(4) 誰もが住みやすい、安心・安全なまちをつくり、地域と地域を連携する"
SCHOOL_NOTE = (
    "※全国学力・学習状況調査の平均正答率を100とした標準化得点を100以上に到達することを目標指標と"
    "していたが、国の学力・学習状況把握の数値化方法等の変更により、同種の効果測定比較は困難になって"
    "いる状況。比較指標等について、検討中"
)


def _row(goal: str | None, measure: str | None, project: str | None, kpi: str, base: object,
         r7: object, target: str, dept: str, comparison: str | None = None,
         grade: str | None = None, reason: str | None = None) -> list[object]:
    return [goal, measure, project, kpi, base, r7, None, None, None, None, comparison, target,
            dept, grade, reason]


ROWS: list[list[object]] = [
    _row(G1, "○企業誘致促進や創業支援による新たな雇用の創出", "○創業支援事業",
         "起業支援による創業者数", "5件", "８件", "5年間に40件", "産業振興課", "—"),
    _row(None, None, "○商業店舗リフォーム支援事業", "商業店舗リフォーム支援による店舗改装件数",
         "13件", "7件(実績値)", "5年間に50件", "産業振興課", "－"),
    _row(None, "○農林畜産物の活用による6次産業化、ブランド化の推進", "○特産品開発事業",
         "開発研究支援による特産品開発件数", "6件", "5件", "5年間に35件", "産業振興課"),
    _row(None, None, "○スマート農業推進事業", "スマート農業導入件数", "0件", "4件",
         "5年間に20件", "農林振興課"),
    [None, "○未来技術を活用した産業振興", *[None] * 13],
    _row(G2, "○移住・定住の促進", "○分譲地整備事業", "分譲地整備区画数", "13区画", "29区画",
         "5年間に50区画", "管財課"),
    _row(None, "○若年層向けの住まいの確保", "○転入者等住まい応援交付金事業",
         "転入者等住まい応援交付金事業活用者数", "42件", "20件", "5年間に190件", "住宅課"),
    _row(None, None, "○ふるさと納税事業", "NFTを活用したふるさと納税返礼品の開発", "0件", "0件",
         "5件", "総合政策課"),
    _row(None, "○観光の活性化、ふるさと納税等を通じた関係人口の増加", "○観光まちづくり事業",
         "年間観光入込客数", "24万人(R5)", "19.9万人(R6)", "26万人", "産業振興課", "—"),
    _row(G3, "○地域での子育て支援体制の充実", None, "地域の社会資源の調査", "未着手", "未実施",
         "実施", "子育て支援課"),
    [None, None, None, None, "※ニーズや把握方法などについて検討中", *[None] * 10],
    _row(None, "○子育てに伴う負担軽減等、子育て支援の充実", "○通学補助事業",
         "通学等補助金交付者数", "576人", "550人", "600人", "交通政策課"),
    _row(None, "○学力の向上", "○学力向上強化プロジェクト事業",
         "全国学力・学習状況調査の平均正答率の標準化得点", "小・義務教育学校段階：平均",
         "小学校:平均△2.0 中学校:平均△5.0", "標準化得点100以上に到達", "学校教育課",
         grade="△", reason="小学校・中学校とも全国平均を下回った"),
    [None, None, None, None, None, SCHOOL_NOTE, *[None] * 9],
    _row(None, "○学校教育の環境整備", "○学習環境整備事業", "大型提示装置設置率", "100.0%",
         "100.0%", "文部科学省教育ICT環境整備目標に到達", "学校教育課", grade="○",
         reason="全校に設置済み"),
    _row(G4, "○公共交通機関等生活基盤の確保、買い物弱者支援", "○市バス運行管理事業",
         "市バス年間利用者数", "130,108人", "100,084人", "150,000人", "交通政策課"),
    _row(None, "○小さな拠点の推進", "○小さな拠点形成促進事業", "地域運営組織等設立数", "4組織",
         "3組織", "11組織", "総合政策課"),
    _row(None, "○災害対策の充実", "○自主防災組織設立補助金交付事業", "自主防災組織カバー世帯率",
         "31.25%", "34.96%", "100.00%", "防災対策課"),
    _row(None, "○嘉飯圏域定住自立圏共生ビジョンの推進", "○定住自立圏形成推進事業",
         "連携事業実施数", "21事業", "21事業", "21事業以上", "総合政策課"),
]
FIRST_DATA_ROW = 3
# (first row, last row, column) of the merged goal cells, 1-based as Excel shows them.
MERGES = [(3, 7, 1), (3, 4, 2), (5, 6, 2), (8, 11, 1), (9, 10, 2), (12, 17, 1), (12, 13, 2),
          (18, 21, 1)]
NUMERICAL = [
    ["基本目標", "指標", "単位", "基準値", "社人研推計値", "目標値", "実績値", "期間", "備考"],
    [G2, "純移動数", "人", "▲1,305", "▲1,089", "▲414", None, "R8→R12", "統計未公表"],
    [G3, "出生数", "人", 808, 774, 825, None, "R8→R12", "統計未公表"],
]


def build_kama_workbook(path: Path, rows: list[list[object]] | None = None) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "事業一覧"
    ws.cell(row=1, column=1, value=TITLE)
    for c, header in enumerate(HEADERS, start=1):
        ws.cell(row=2, column=c, value=header)
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
