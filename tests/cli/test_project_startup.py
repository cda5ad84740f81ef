"""`sousei project --area X` starts light: no chart or workbook libraries, no national parse."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from sousei.io.reference import shipped

PROBE = """
import sys
sys.argv = ['sousei', 'project', '--area', '40203', '--to', '2060']
from sousei.cli import main
from sousei.vision import inputs
try:
    main()
except SystemExit:
    pass
heavy = [m for m in ('matplotlib', 'openpyxl', 'django', 'playwright') if m in sys.modules]
print('HEAVY', heavy, 'PARSED', inputs._census_tables.cache_info().currsize)
"""


def test_project_for_one_area_imports_no_charts_and_parses_no_national_census() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          timeout=120, check=True)
    assert "久留米市" in done.stdout
    assert "HEAVY [] PARSED 0" in done.stdout


def test_one_area_read_from_its_own_lines_equals_the_whole_table() -> None:
    codes = ["40203", "01100", "47382"]  # 久留米市, 札幌市, 与那国町 (first, middle, last)
    part = shipped.census_municipal_of(codes)
    whole = shipped.census_municipal()
    for mine, theirs in zip(part, whole, strict=True):
        expected = theirs[theirs["area_code"].isin(codes)].reset_index(drop=True)
        pd.testing.assert_frame_equal(mine.reset_index(drop=True), expected)
    assert len(shipped.census_municipal_codes()) == 1741
    kurume_2015 = part.population.query("area_code == '40203' and year == 2015")["value"].sum()
    kurume_2015 += part.age_unknown.query("area_code == '40203' and year == 2015")["value"].sum()
    assert kurume_2015 == 304552  # 国勢調査 2015, 久留米市: 304,552 persons


def test_prefectures_read_from_their_own_lines_equal_the_whole_table() -> None:
    codes = ["40000", "01000", "47000"]  # 福岡県, 北海道, 沖縄県 (middle, first, last)
    part = shipped.census_prefecture_of(codes)
    whole = shipped.census_prefecture()
    for mine, theirs in zip(part, whole, strict=True):
        expected = theirs[theirs["area_code"].isin(codes)].reset_index(drop=True)
        pd.testing.assert_frame_equal(mine.reset_index(drop=True), expected)
    fukuoka_2015 = part.population.query("area_code == '40000' and year == 2015")["value"].sum()
    fukuoka_2015 += part.age_unknown.query("area_code == '40000' and year == 2015")["value"].sum()
    assert fukuoka_2015 == 5101556  # 国勢調査 2015, 福岡県: 5,101,556 persons
