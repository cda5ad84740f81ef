"""The logic model section of the KPI report: diagram, trends, grades, problems listed."""

from __future__ import annotations

from sousei.reports.kpi_logic import IndicatorStatus, logic_section
from sousei.strategy.logic_model import Indicator, Level, LogicModel

MODEL = LogicModel(
    indicators=(Indicator("I1", "圏域の総人口", Level.IMPACT, "人"),
                Indicator("O1", "転入超過数", Level.OUTCOME, "人"),
                Indicator("P1", "物産展の来場者数", Level.OUTPUT, "人"),
                Indicator("P2", "移住相談件数", Level.OUTPUT, "件")),
    links=(("P1", "O1"), ("O1", "I1")),
    measure_links=(("販路拡大", "P1"),),
)
STATUS = {"P1": IndicatorStatus("○", ((2022, 9100.0), (2023, 10400.0)))}


def test_section_draws_the_chain_and_tables_each_indicator() -> None:
    section = logic_section(MODEL, STATUS)
    assert section is not None and section.title == "ロジックモデル"
    chart, table = section.blocks
    assert chart.png[:8] == b"\x89PNG\r\n\x1a\n"
    rows = {row[1].value: [c.value for c in row] for row in table.body}
    assert list(rows) == ["I1", "O1", "P1", "P2"]  # impact first, as the chain is read
    assert rows["P1"] == ["アウトプット", "P1", "物産展の来場者数", "人", "R4 9,100 → R5 10,400",
                          "○", "販路拡大"]
    assert rows["I1"][-1] == "販路拡大"  # the measure behind the impact, through the chain
    assert rows["P2"][4:] == ["—", "—", "—"]


def test_no_model_no_section_and_broken_links_noted() -> None:
    assert logic_section(None, {}) is None
    assert logic_section(LogicModel(()), {}) is None
    broken = LogicModel(MODEL.indicators, (("I1", "P1"),))
    table = logic_section(broken, {}).blocks[1]
    assert any("上位の段階へのつながりではありません" in note for note in table.notes)
