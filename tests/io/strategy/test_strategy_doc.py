"""docs/strategy-workbook.md stays true: its scheme example loads, its words are the code's."""

from __future__ import annotations

import json
import re
from pathlib import Path

from sousei.io.strategy.cells import read_actual
from sousei.strategy import SCHEMES, ActualState
from sousei.strategy.grading import scheme_from_mapping

DOC = Path(__file__).resolve().parents[3] / "docs" / "strategy-workbook.md"


def test_the_json_scheme_example_loads() -> None:
    block = DOC.read_text(encoding="utf-8").split("```json", 1)[1].split("```", 1)[0]
    scheme = scheme_from_mapping(json.loads(block))
    assert scheme.symbols == ("◎", "○", "△", "×")
    assert scheme.level_for(60).symbol == "○"


def test_named_schemes_exist() -> None:
    text = DOC.read_text(encoding="utf-8")
    named = set(re.findall(r"`(standard(?:-prorated)?|a-e|sabc)`", text))
    assert named == set(SCHEMES)


def test_the_words_for_missing_values_mean_what_the_doc_says() -> None:
    cases = {"—": ActualState.NOT_OBTAINABLE, "-": ActualState.NOT_OBTAINABLE,
             "未実施": ActualState.NOT_CARRIED_OUT, "事業終了": ActualState.NOT_CARRIED_OUT,
             "中止": ActualState.NOT_CARRIED_OUT, "統計未公表": ActualState.PENDING,
             "国勢調査結果公表後、記入予定": ActualState.PENDING, "集計中": ActualState.PENDING}
    text = DOC.read_text(encoding="utf-8")
    for word, state in cases.items():
        assert f"`{word}`" in text or word.endswith("記入予定")
        actual = read_actual(word, 2025, "件", qualitative=False)
        assert actual is not None and actual.state is state
