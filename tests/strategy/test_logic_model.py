from __future__ import annotations

from sousei.strategy.logic_model import Indicator, Level, LogicModel

MODEL = LogicModel(
    indicators=(
        Indicator("I1", "東京圏への転入超過数", Level.IMPACT, "人"),
        Indicator("O1", "地方の若者の就業者数", Level.OUTCOME, "人"),
        Indicator("O2", "移住相談件数", Level.OUTCOME, "件"),
        Indicator("P1", "創業支援件数", Level.OUTPUT, "件"),
        Indicator("P2", "移住支援金の交付件数", Level.OUTPUT, "件"),
        Indicator("P3", "未接続の指標", Level.OUTPUT, "件"),
    ),
    links=(("P1", "O1"), ("P2", "O2"), ("O1", "I1"), ("O2", "I1")),
    measure_links=(("創業支援", "P1"), ("移住・定住の促進", "P2")),
)


def test_contributions_and_measures_follow_the_links() -> None:
    assert [i.code for i in MODEL.contributes_to("P1")] == ["O1", "I1"]
    assert MODEL.measures_for("I1") == ("創業支援", "移住・定住の促進")
    assert MODEL.measures_for("O2") == ("移住・定住の促進",)
    assert [i.code for i in MODEL.unlinked()] == ["P3"]
    assert MODEL.check() == []


def test_check_names_every_broken_link() -> None:
    broken = LogicModel(
        MODEL.indicators,
        links=(("I1", "O1"), ("P1", "X9")),
        measure_links=(("創業支援", "O1"),),
    )
    problems = broken.check()
    assert len(problems) == 3
    assert "上位の段階へのつながりではありません" in problems[0]
    assert "X9" in problems[1]
    assert "アウトプット指標" in problems[2]
