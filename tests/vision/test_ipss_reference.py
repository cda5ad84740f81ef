"""The IPSS 2018 and 2023 figures drawn beside the scenarios, per census-data codes."""

from __future__ import annotations

import numpy as np

from sousei.vision import ipss_reference
from sousei.vision.ipss_reference import ipss2018_figures, ipss2023_figures, ipss_figures


def test_kurume_both_editions() -> None:
    old, new = ipss_figures(("40203",))
    assert (old.edition, new.edition) == (2018, 2023)
    assert old.years[0] == 2015 and old.years[-1] == 2045
    assert new.column("total") == {2025: 299_292, 2030: 293_384, 2035: 286_393,
                                   2040: 278_386, 2045: 269_738, 2050: 260_912}
    assert new.column("elderly")[2025] == 88_556
    np.testing.assert_array_equal(old.values[:, 0], old.values[:, 1:].sum(axis=1))


def test_nakagawa_2015_code_finds_its_2018_code_in_ipss2023() -> None:
    assert ipss2023_figures(("40305",)).column("total")[2025] == 49_180


def test_a_group_is_summed_only_when_every_area_is_covered() -> None:
    both = ipss2023_figures(("40203", "40305")).column("total")[2025]
    assert both == 299_292 + 49_180
    # 双葉町 (07545): IPSS 2023 projected only the 浜通り aggregate, IPSS 2018 no Fukushima area.
    assert ipss2023_figures(("40203", "07545")) is None
    assert ipss2018_figures(("07545",)) is None
    assert ipss_figures(("07545",)) == []


def test_lookups_are_cached_and_read_only() -> None:
    first = ipss2023_figures(("40203",))
    assert ipss2023_figures(("40203",)) is first
    assert not first.values.flags.writeable


def test_few_areas_read_from_their_own_lines_give_the_whole_tables_figures(monkeypatch) -> None:
    # 札幌市 (01100: "1100" in the file), 久留米市, 与那国町, 北海道, and 双葉町 (not projected).
    groups = (("01100",), ("40203", "47382"), ("01000",), ("07545",), ("40203", "07545"))
    monkeypatch.setattr(ipss_reference, "_PARSED", {})
    few = {codes: ipss_reference._figures.__wrapped__(codes, 2018) for codes in groups}
    assert 2018 not in ipss_reference._PARSED  # nothing parsed the 1,857 areas
    ipss_reference._table(2018)
    for codes, figures in few.items():
        whole = ipss_reference._figures.__wrapped__(codes, 2018)
        if whole is None:
            assert figures is None
        else:
            assert figures.years == whole.years
            np.testing.assert_array_equal(figures.values, whole.values)
    assert few[("01100",)].column("total")[2015] == 1_952_356  # 国勢調査 2015, 札幌市
