"""Rebuild examples/事業一覧.xlsx: 嘉麻市's published KPI progress table (事業一覧), R7 actuals.

The rows are those of 嘉麻市「人口ビジョン・デジタル田園都市構想総合戦略 進捗等について」(令和8年3月,
まち・ひと・しごと創生本部会議), transcribed from ../shared/docs/examples/kama-progress-r7.txt: the
same headers, goals, measures, projects, KPIs, baselines, R7 actuals, targets and departments, the
hierarchy in merged cells as printed, the ※ notes as note rows, and the 基本目標の数値目標 table
on its own sheet. Built with openpyxl cell by cell (not with sousei's writer) so that the example
is a workbook as a city keeps it. Run: python scripts/make_progress_example.py
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment

OUT = Path(__file__).resolve().parents[1] / "examples" / "事業一覧.xlsx"
TITLE = ("■嘉麻市まち・ひと・しごと創生（地方創生）の取組【事業一覧】※嘉麻市人口ビジョン・"
         "デジタル田園都市構想総合戦略（期間：令和7年度～令和11年度）")
HEADERS = ["嘉麻市の基本目標", "主な施策", "具体的な事業", "重要業績評価指標 (KPI)", "基準値 (R5)",
           "R7/実績値 (令和8年1月末時点にて把握している数値を記載)", "R8/実績値", "R9/実績値",
           "R10/実績値", "R11/実績値", "実績値 (目標値比較)", "目標値 (R11まで)", "担当課"]
G1 = "(1) 「嘉麻市で働きたい」を叶える、安定した雇用を生み出す"
G2 = "(2) 「嘉麻市に行きたい！住みたい！」と思える魅力あるまちづくりを行う"
G3 = "(3) 安心して結婚・出産・子育てすることができる、切れ目のない支援を行う"
G4 = "(4) 誰もが住みやすい、安心・安全なまちをつくり、地域と地域を連携する"
NOTE_ABILITY = ("※全国学力・学習状況調査の平均正答率を100とした標準化得点を100以上に到達することを目標"
                "指標としていたが、国の学力・学習状況把握の数値化方法等の変更により、同種の効果測定比較は"
                "困難になっている状況。比較指標等について、検討中")
# goal, measure, project, KPI, baseline, R7 actual, target, department ("" = blank cell).
ROWS: list[tuple[str, ...]] = [
    (G1, "○企業誘致促進や創業支援による新たな雇用の創出", "○創業支援事業", "起業支援による創業者数",
     "5件", "8件", "5年間に40件", "産業振興課"),
    ("", "", "○商業店舗リフォーム支援事業", "商業店舗リフォーム支援による店舗改装件数", "13件", "7件",
     "5年間に50件", "産業振興課"),
    ("", "○農林畜産物の活用による6次産業化、ブランド化の推進", "○特産品開発事業",
     "開発研究支援による特産品開発件数", "6件", "5件", "5年間に35件", "産業振興課"),
    ("", "", "○スマート農業推進事業", "スマート農業導入件数", "0件", "4件", "5年間に20件", "農林振興課"),
    ("", "○未来技術を活用した産業振興", "", "", "", "", "", ""),
    (G2, "○移住・定住の促進", "○分譲地整備事業", "分譲地整備区画数", "13区画", "29区画", "5年間に50区画",
     "管財課"),
    ("", "○若年層向けの住まいの確保", "○転入者等住まい応援交付金事業",
     "転入者等住まい応援交付金事業活用者数", "42件", "20件", "5年間に190件", "住宅課"),
    ("", "", "○ふるさと納税事業", "NFTを活用したふるさと納税返礼品の開発", "0件", "0件", "5件",
     "総合政策課"),
    ("", "○観光の活性化、ふるさと納税等を通じた関係人口の増加", "○観光まちづくり事業", "年間観光入込客数",
     "24万人(R5)", "19.9万人", "26万人", "産業振興課"),
    (G3, "○地域での子育て支援体制の充実", "", "地域の社会資源の調査", "未着手", "未実施", "実施",
     "子育て支援課"),
    ("", "", "", "※ニーズや把握方法などについて検討中", "", "", "", ""),
    ("", "○子育てに伴う負担軽減等、子育て支援の充実", "○通学補助事業", "通学等補助金交付者数", "576人",
     "550人", "600人", "交通政策課"),
    ("", "○学力の向上", "○学力向上強化プロジェクト事業",
     "全国学力・学習状況調査の平均正答率の標準化得点", "小・義務教育学校段階：平均", "",
     "標準化得点100以上に到達", "学校教育課"),
    ("", "", "", NOTE_ABILITY, "", "", "", ""),
    ("", "○学校教育の環境整備", "○学習環境整備事業", "大型提示装置設置率", "100.0%", "100.0%",
     "文部科学省教育ICT環境整備目標に到達", "学校教育課"),
    (G4, "○公共交通機関等生活基盤の確保、買い物弱者支援", "○市バス運行管理事業", "市バス年間利用者数",
     "130,108人", "100,084人", "150,000人", "交通政策課"),
    ("", "○小さな拠点の推進", "○小さな拠点形成促進事業", "地域運営組織等設立数", "4組織", "3組織",
     "11組織", "総合政策課"),
    ("", "○災害対策の充実", "○自主防災組織設立補助金交付事業", "自主防災組織カバー世帯率", "31.25%",
     "34.96%", "100.00%", "防災対策課"),
    ("", "○嘉飯圏域定住自立圏共生ビジョンの推進", "○定住自立圏形成推進事業", "連携事業実施数", "21事業",
     "21事業", "21事業以上", "総合政策課"),
]
NUMERICAL = [
    ["基本目標", "指標", "単位", "基準値", "社人研推計値", "目標値", "実績値", "期間", "備考"],
    [G2, "純移動数", "人", "△1,305", "△1,089", "△414", None, "R8→R12",
     "推計値よりも、5年間で社会減を675人抑制する (基準値は H27→R2)"],
    [G3, "出生数", "人", 808, 774, 825, None, "R8→R12",
     "推計値よりも、5年間で出生数を51人向上する (基準値は R1→R5)"],
]
FIRST = 3  # the first data row (title in row 1, headers in row 2)


def _merge_hierarchy(sheet, column: int) -> None:
    """Merge a goal or measure cell down to the row before the next value of its level or above."""
    rows = [r for r in range(len(ROWS)) if ROWS[r][column]]
    for i, start in enumerate(rows):
        stop = rows[i + 1] if i + 1 < len(rows) else len(ROWS)
        if column > 0:  # a measure ends where its goal ends
            stop = min([stop, *(r for r in range(start + 1, len(ROWS)) if ROWS[r][0])])
        if stop - start > 1:
            sheet.merge_cells(start_row=FIRST + start, end_row=FIRST + stop - 1,
                              start_column=column + 1, end_column=column + 1)


def build(path: Path = OUT) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "事業一覧"
    sheet.cell(row=1, column=1, value=TITLE)
    for c, header in enumerate(HEADERS, start=1):
        sheet.cell(row=2, column=c, value=header).alignment = Alignment(wrap_text=True)
    for r, (goal, measure, project, kpi, base, r7, target, department) in enumerate(ROWS, FIRST):
        cells = {1: goal, 2: measure, 3: project, 4: kpi, 5: base, 6: r7, 12: target,
                 13: department}
        for c, value in cells.items():
            if value:
                sheet.cell(row=r, column=c, value=value)
    for column in (0, 1):
        _merge_hierarchy(sheet, column)
    for letter, width in zip("ABCDEFGHIJKLM", (30, 30, 26, 34, 12, 14, 9, 9, 9, 9, 12, 18, 12),
                             strict=True):
        sheet.column_dimensions[letter].width = width
    numerical = book.create_sheet("数値目標")
    for row in NUMERICAL:
        numerical.append(row)
    book.save(path)
    return path


if __name__ == "__main__":
    print(build())
