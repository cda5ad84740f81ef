"""全国地方公共団体コード: check digits, normalisation, names and prefecture lists.

Users type codes in every form: ``40203``, ``402036`` (with the check digit, as printed on
official documents), ``4203`` from a spreadsheet that dropped the leading zero, or a name like
``久留米市``. Everything is normalised here to the 5-digit code the data tables use, and a
mistyped check digit is refused rather than silently truncated.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from sousei.io.reference import shipped

_WEIGHTS = (6, 5, 4, 3, 2)


class AreaCodeError(ValueError):
    """A code or name that does not name exactly one area; the message is for the user."""


def check_digit(code5: str) -> int:
    """The 6th digit of a 全国地方公共団体コード: (11 - Σ digit × (6,5,4,3,2) mod 11) mod 10."""
    if len(code5) != 5 or not code5.isdigit():
        raise AreaCodeError(f"地域コード {code5!r} は5桁の数字ではありません")
    total = sum(int(digit) * weight for digit, weight in zip(code5, _WEIGHTS, strict=True))
    return (11 - total % 11) % 10


def with_check_digit(code5: str) -> str:
    """``40203`` -> ``402036``."""
    return f"{code5}{check_digit(code5)}"


def normalize_code(code: str | int) -> str:
    """Any accepted spelling of a code -> 5 digits; a wrong check digit is an error.

    4 digits are a 5-digit code that lost its leading zero (``1100`` = 札幌市); 5 digits are
    taken as they are; 6 digits must end in the right check digit. Full-width digits are
    accepted. A 6-digit code that lost its leading zero is indistinguishable from a 5-digit
    code, so it is read as one (and then usually rejected as unknown).
    """
    text = unicodedata.normalize("NFKC", str(code)).strip()
    if not text.isdigit():
        raise AreaCodeError(f"地域コード {code!r} は数字ではありません")
    if len(text) == 4:
        return text.zfill(5)
    if len(text) == 5:
        return text
    if len(text) == 6:
        head, digit = text[:5], int(text[5])
        expected = check_digit(head)
        if digit != expected:
            raise AreaCodeError(
                f"地域コード {text} の検査数字 (6桁目) が誤っています: "
                f"{head} の検査数字は {expected} です ({head}{expected})"
            )
        return head
    raise AreaCodeError(f"地域コード {code!r} は5桁または6桁 (検査数字付き) で指定してください")


@dataclass(frozen=True)
class Area:
    code: str
    name: str  # 久留米市, 札幌市中央区, 福岡県
    prefecture: str  # 福岡県
    kind: str  # prefecture / municipality / ward


@cache
def _areas() -> dict[str, Area]:
    areas: dict[str, Area] = {}
    prefectures = shipped.prefecture_master()
    pref_names = dict(zip(prefectures["pid"].str.zfill(2), prefectures["pref"], strict=True))
    for pid, name in pref_names.items():
        areas[f"{pid}000"] = Area(f"{pid}000", name, name, "prefecture")
    master = shipped.localgov_master()
    for pref, cid, city in zip(master["pref"], master["cid"], master["city"], strict=True):
        code = cid.zfill(5)
        kind = "ward" if " " in city else "municipality"
        areas[code] = Area(code, city.replace(" ", ""), pref, kind)
    for event in shipped.municipal_changes_shared():  # older codes, latest name wins
        for side in ("old", "new"):
            code, name = event[side]["code"], event[side]["name"]
            if code not in areas and not name.endswith("郡"):
                pref = pref_names.get(code[:2], "")
                areas[code] = Area(code, name, pref, "former")
    return areas


def areas() -> dict[str, Area]:
    """Every code the shipped masters know: prefectures, current municipalities and wards,
    and former codes from the 廃置分合 events (kind ``former``)."""
    return dict(_areas())


def is_known_code(code5: str) -> bool:
    return code5 in _areas() or code5 == "00000"


def area_name(code: str | int) -> str:
    """The name of a code (current name, or the last name a former code had)."""
    code5 = normalize_code(code)
    if code5 == "00000":
        return "全国"
    area = _areas().get(code5)
    if area is None:
        raise AreaCodeError(f"地域コード {code5} はコード表にありません")
    return area.name


@cache
def _by_name() -> dict[str, list[Area]]:
    index: dict[str, list[Area]] = {}
    for area in _areas().values():
        if area.kind == "former":
            continue
        for key in {area.name, area.prefecture + area.name if area.kind != "prefecture" else ""}:
            if key:
                index.setdefault(key, []).append(area)
    short = shipped.prefecture_master()
    for full, brief in zip(short["pref"], short["prefshort"], strict=True):
        index.setdefault(brief, index[full])
    return index


def resolve_area(text: str | int) -> str:
    """A code (5 or 6 digits) or a name -> the 5-digit code.

    Names are matched whole: ``久留米市``, ``札幌市中央区``, ``福岡県``; a name shared by
    several municipalities (府中市, 伊達市, 中央区) needs its prefecture: ``広島県府中市``.
    """
    raw = unicodedata.normalize("NFKC", str(text)).strip().replace(" ", "")
    if raw.isdigit():
        code5 = normalize_code(raw)
        if not is_known_code(code5):
            raise AreaCodeError(f"地域コード {code5} はコード表にありません")
        return code5
    matches = _by_name().get(raw, [])
    if not matches:
        raise AreaCodeError(
            f"{text!r} という地域は見つかりません (例: 久留米市、広島県府中市、40203)"
        )
    if len(matches) > 1:
        options = "、".join(f"{a.prefecture}{a.name} ({a.code})" for a in matches)
        raise AreaCodeError(
            f"{text!r} に当たる地域が複数あります: {options}。"
            "都道府県名を付けるかコードで指定してください"
        )
    return matches[0].code


def area_key(text: str) -> str:
    """The 5-digit code of ``40`` (a prefecture's two digits), ``40203``/``402036`` or a name;
    AreaCodeError when it names nothing."""
    if text.isdigit() and len(text) <= 2:
        return f"{int(text):02d}000"
    if text.isdigit():
        return normalize_code(text)
    return resolve_area(text)


def prefecture_code(prefecture: str | int) -> str:
    """``40``, ``"40"``, ``"40000"``, ``"400009"``, ``"福岡県"`` or ``"福岡"`` -> ``"40"``."""
    code5 = area_key(unicodedata.normalize("NFKC", str(prefecture)).strip())
    area = _areas().get(code5)
    if area is None or area.kind != "prefecture":
        raise AreaCodeError(f"{prefecture!r} は都道府県 (01～47 または名称) ではありません")
    return code5[:2]


def municipalities_of(prefecture: str | int, wards: bool = False) -> list[str]:
    """Current codes of a prefecture's municipalities, sorted; designated cities are listed
    whole (``40130`` 福岡市) and their wards only when ``wards`` is true."""
    pid = prefecture_code(prefecture)
    kinds = {"municipality", "ward"} if wards else {"municipality"}
    return sorted(a.code for a in _areas().values() if a.code[:2] == pid and a.kind in kinds)
