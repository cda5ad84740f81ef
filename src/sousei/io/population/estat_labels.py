"""The labels of an e-Stat census table: sex, age, nationality, year, area and cell values.

e-Stat writes every classification as a code column and a label column, with totals (総数),
re-tabulations (再掲: 15歳未満, 65歳以上), 年齢不詳 and 注記 symbols mixed into the same columns
as the counts. Each function here maps the distinct labels of one column once (a table has
a few hundred distinct labels but up to a million rows), so the reader stays vectorised.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from sousei.io.population.age_table import parse_age
from sousei.japanese.era import EraError, parse_year

TOTAL = "T"  # a total row: sex 総数, age 総数, nationality 総数
UNKNOWN = "unknown"  # 年齢不詳
SKIP = "skip"  # a re-tabulation (再掲) or a statistic that is not a count of persons
TOTAL_WORDS = frozenset({"総数", "計", "合計", "総計", "男女計", "男女総数", "年齢総数", "全年齢",
                         "国籍総数", "全域", "総人口"})
# e-Stat's 注記 symbols for a count that is not there: 秘匿 (X), 不詳 or not surveyed (…, ***).
# "-" is e-Stat's "該当数値なし": a true zero.
UNAVAILABLE = frozenset({"X", "x", "…", "...", "***", "**", "*", "‥", "・・・", "-X"})
ZERO = frozenset({"-", "－", "‐", "―", "—", "0"})
_YEAR = re.compile(r"(\d{4})\s*年?")
_ERA = re.compile(r"((?:令和|平成|昭和)\s*(?:\d{1,2}|元)\s*年)")


def norm(text: object) -> str:
    """NFKC without spaces, so ``男　`` and ``男`` and ``０～４歳`` and ``0～4歳`` match."""
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", "" if text is None else str(text)))


def norm_series(text: pd.Series) -> pd.Series:
    """:func:`norm` over a column: once per distinct label, not once per cell."""
    uniques = text.unique()
    return text.map(dict(zip(uniques, map(norm, uniques), strict=True)))


def is_total(label: str) -> bool:
    text = re.sub(r"[()（）]", "", norm(label))
    return text in TOTAL_WORDS


def sex_of(label: str) -> str | None:
    """``M``/``F``/TOTAL for 男/女/総数 (男性, 女_2015 ... too); None if not a sex."""
    text = norm(label)
    if is_total(text):
        return TOTAL
    if text.startswith("男"):
        return "M"
    if text.startswith("女"):
        return "F"
    return None


def nationality_of(label: str) -> str | None:
    text = norm(label)
    if "外国" in text:
        return "foreign"
    if "日本" in text:
        return "japanese"
    if is_total(text) or "総数" in text:
        return "total"
    return None


def age_of(label: str) -> tuple[int, int | None] | str | None:
    """(age_start, age_span) of an age label (span None = open), or TOTAL, UNKNOWN, SKIP;
    None when the label cannot be read."""
    text = norm(label)
    if is_total(text):
        return TOTAL
    if "不詳" in text:
        return UNKNOWN
    if "再掲" in text or "未満" in text or "平均" in text or "中位" in text:
        return SKIP
    return parse_age(text)


def year_of(code: str, label: str) -> int | None:
    """The year of a 時間軸 cell: code ``2020000000``, label ``2020年``, ``令和2年`` or ``2020``."""
    code = norm(code)
    if re.fullmatch(r"\d{10}", code):
        return int(code[:4])
    text = norm(label)
    if (match := _YEAR.search(text)) is not None:
        return int(match[1])
    if (match := _ERA.search(text)) is not None:
        try:
            return parse_year(match[1])
        except EraError:
            return None
    if re.fullmatch(r"\d{4}", code):
        return int(code)
    return None


def area_text(code: str, label: str) -> str | None:
    """The code of an area cell: the code column, else leading digits of the label
    (``40203_久留米市``, ``40203 久留米市``)."""
    code = norm(code)
    if code.isdigit():
        return code
    match = re.match(r"^(\d{4,6})", norm(label))
    return match[1] if match else None


def parse_values(text: pd.Series) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """(numbers, unavailable, unreadable): '-' is zero, 注記 symbols are unavailable (NaN),
    anything else that is not a number >= 0 is unreadable. Plain numbers are converted in one
    pass; only the few other cells are normalised."""
    numbers = pd.to_numeric(text.str.replace(",", "", regex=False), errors="coerce")
    other = numbers.isna().to_numpy()
    stripped = norm_series(text[other]).str.replace(",", "", regex=False)
    numbers[other] = pd.to_numeric(stripped.where(~stripped.isin(ZERO), "0"), errors="coerce")
    unavailable = np.zeros(len(text), dtype=bool)
    unavailable[other] = stripped.isin(UNAVAILABLE).to_numpy()
    unreadable = (numbers.isna().to_numpy() & ~unavailable) | (numbers < 0).to_numpy()
    return numbers.astype(float), unavailable, unreadable
