"""Scenario files (TOML): the policy assumptions of a 人口ビジョン, read and written here.

Planning staff write them by hand or save them from the web (「TOMLで保存」); the standard
library reads TOML but does not write it, so :func:`scenario_to_toml` writes exactly the small
schema read here, and :func:`read_scenario` reads the result back into the same mapping.

Example::

    name = "出生率向上と若者定着"
    description = "合計特殊出生率を2060年までに0.1ポイント引き上げ、10～29歳の純移動率を0.5ポイント改善"

    [tfr]
    change = 0.1          # ポイント (または target = 1.8)
    by = 2060             # (または points = { 2030 = 1.6, 2040 = 1.8 })

    [[migration]]
    ages = "10-29"        # 期首の年齢 (5歳階級にそろえる)
    sex = "both"          # both / M / F (男 / 女)
    change_points_per_year = 0.5   # 純移動率を1年あたり0.5ポイント改善 (5年間の期間では2.5)
    from = 2020           # 省略すると全期間

The unit of a migration change is always in its key, because the engine steps by 5-year
periods while plans speak per year (「若い世代の純移動率を0.5%改善」 is 0.5 points a year):
``change_points_per_year`` (x 5 per period), ``change_points_per_period`` (as given), or
``change`` (a fraction per period, 0.005). The old ``change_points`` is read per period, as it
always was, with a note (:data:`DEPRECATED_NOTE`) asking to say which unit is meant.

    [migration_variant]
    kind = "net_rates"    # net_rates / converging / zero
    fraction = 0.5        # converging: 基準年からこの年までに比率がこの値になる
    by = 2020

    [foreign]
    share = 10.8          # %
    by = 2070
"""

from __future__ import annotations

import json
import math
import re
import tomllib
import warnings
from pathlib import Path
from typing import Any

from sousei.demography.ages import AGE_STEP
from sousei.demography.scenarios import MigrationDelta, Scenario, ScenarioError, TfrPath
from sousei.io.csv_text import decode_csv
from sousei.io.errors import InputError

_SEX = {"both": "both", "M": "M", "F": "F", "男": "M", "女": "F", "男女": "both"}
PERIOD_YEARS = AGE_STEP  # the engine steps 5 years: a per-year change is 5 times a period's
MIGRATION_KEYS = ("change_points_per_year", "change_points_per_period", "change_points", "change")
DEPRECATED_NOTE = (
    "{where}.change_points は5年間(推計期間)あたりのポイントとして読みました。単位をはっきりさせるため "
    "change_points_per_period (5年間あたり) か change_points_per_year (1年あたり) に書き換えてください"
)


class ScenarioNote(FutureWarning):
    """A scenario file read with an old key: the CLI and the web show it to the user."""


def _number(table: dict[str, Any], key: str, where: str, file: str) -> float:
    value = table.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not _finite(value):
        raise InputError(
            f"{where}.{key} には数値を指定してください (値: {_shown(value)})",
            file=file,
            column=f"{where}.{key}",
        )
    return float(value)


def _finite(value: float) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer too large for a float
        return False


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:40] + "…"


def _year(table: dict[str, Any], key: str, where: str, file: str) -> int:
    """A whole year (2060, or 2060.0 as some editors write it)."""
    value = _number(table, key, where, file)
    if not value.is_integer():
        raise InputError(f"{where}.{key} には年を整数で指定してください (値: {_shown(value)})",
                         file=file, column=f"{where}.{key}")
    return int(value)


def _table(data: dict[str, Any], key: str, file: str) -> dict[str, Any]:
    value = data[key]
    if not isinstance(value, dict):
        kind = "[[" + key + "]] (表の配列)" if isinstance(value, list) else "値"
        raise InputError(f"{key} は [{key}] の表で書いてください ({kind}になっています)", file=file,
                         column=key)
    return value


def _tfr(table: dict[str, Any], file: str) -> TfrPath:
    if "points" in table:
        points = table["points"]
        if not isinstance(points, dict) or not points:
            raise InputError(
                "tfr.points は {年 = 値} の形で指定してください", file=file, column="tfr.points"
            )
        try:
            pairs = tuple(sorted((int(year), float(value)) for year, value in points.items()
                                 if not isinstance(value, bool)))
        except (TypeError, ValueError, OverflowError):
            raise InputError(
                "tfr.points の年と値が読めません", file=file, column="tfr.points"
            ) from None
        if len(pairs) != len(points):
            raise InputError("tfr.points の値は数値にしてください", file=file, column="tfr.points")
        try:
            return TfrPath(pairs, relative=False)
        except ScenarioError as error:  # one point is keyed like a target; name it as a point
            if error.key in ("tfr.by", "tfr.target"):
                raise ScenarioError(str(error), f"tfr.points.{pairs[0][0]}", error.part) from None
            raise
    year = _year(table, "by", "tfr", file)
    if "change" in table:
        return TfrPath(((year, _number(table, "change", "tfr", file)),), relative=True)
    if "target" in table:
        return TfrPath(((year, _number(table, "target", "tfr", file)),), relative=False)
    raise InputError(
        "tfr には change、target、points のいずれかが必要です", file=file, column="tfr"
    )


def age_range(text: Any) -> tuple[int, int]:
    """(first, last) age of "10-29" (or "10～29"); both ends on the 5-year grid of the engine,
    since a delta applies to whole 5-year cohorts. ValueError with a Japanese message."""
    try:
        low, high = (int(part) for part in str(text).replace("～", "-").split("-"))
    except ValueError:
        raise ValueError(f'年齢は "10-29" の形で指定してください (値: {text!r})') from None
    if low < 0 or (low % 5) or ((high + 1) % 5) or low > high:
        raise ValueError(f"年齢 {text} は5歳階級の境目 (例 10-29) にしてください")
    return low, high


def _ages(text: Any, where: str, file: str) -> tuple[int, int]:
    try:
        return age_range(text)
    except ValueError as error:
        raise InputError(str(error), file=file, column=f"{where}.ages") from None


def _migration(entry: dict[str, Any], index: int, file: str) -> MigrationDelta:
    where = f"migration[{index}]"
    low, high = _ages(entry.get("ages"), where, file)
    sex = _SEX.get(str(entry.get("sex", "both")))
    if sex is None:
        raise InputError(f"{where}.sex は both / M / F です", file=file, column=f"{where}.sex")
    delta = _migration_delta(entry, where, file)
    start = _year(entry, "from", where, file) if "from" in entry else None
    try:
        return MigrationDelta(low, high, delta, sex, start)
    except ScenarioError as error:
        key = next((k for k in MIGRATION_KEYS if k in entry), "change") \
            if error.key == "change" else error.key
        raise InputError(str(error), file=file, column=f"{where}.{key}") from error


def _migration_delta(entry: dict[str, Any], where: str, file: str) -> float:
    """The change of the 5-year net migration rate (a fraction) from the one unit key given."""
    given = [key for key in MIGRATION_KEYS if key in entry]
    if len(given) != 1:
        found = "、".join(given) if given else "なし"
        raise InputError(
            f"{where} には change_points_per_year (1年あたりのポイント)、change_points_per_period "
            f"(5年間あたりのポイント)、change (5年間あたりの比率) のどれか1つを指定してください "
            f"(指定: {found})", file=file, column=where)
    (key,) = given
    value = _number(entry, key, where, file)
    if key == "change_points_per_year":
        return value * PERIOD_YEARS / 100.0
    if key == "change_points":
        warnings.warn(DEPRECATED_NOTE.format(where=where), ScenarioNote, stacklevel=2)
    return value if key == "change" else value / 100.0


def scenario_from_mapping(data: dict[str, Any], file: str = "<scenario>") -> Scenario:
    """A :class:`Scenario` from parsed TOML, with errors naming the file and the key."""
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise InputError("name (シナリオ名) がありません", file=file, column="name")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise InputError("description (説明) は文字列にしてください", file=file, column="description")
    kwargs: dict[str, Any] = {"name": name.strip(), "description": description}
    if "tfr" in data:
        tfr = _table(data, "tfr", file)
        try:
            kwargs["tfr"] = _tfr(tfr, file)
        except ScenarioError as error:
            raise InputError(str(error), file=file, column=error.key) from error  # keeps .part
    migration = data.get("migration", [])
    if not isinstance(migration, list) or not all(isinstance(m, dict) for m in migration):
        raise InputError("migration は [[migration]] (表の配列) で書いてください", file=file,
                         column="migration")
    kwargs["migration"] = tuple(_migration(m, i, file) for i, m in enumerate(migration))
    variant = _table(data, "migration_variant", file) if "migration_variant" in data else {}
    if variant:
        kind = variant.get("kind", "net_rates")
        if not isinstance(kind, str):
            raise InputError("migration_variant.kind は net_rates / converging / zero です",
                             file=file, column="migration_variant.kind")
        kwargs["migration_variant"] = kind
        if "fraction" in variant:
            kwargs["convergence_fraction"] = _number(variant, "fraction", "migration_variant", file)
        if "by" in variant:
            kwargs["convergence_year"] = _year(variant, "by", "migration_variant", file)
    if "foreign" in data:
        foreign = _table(data, "foreign", file)
        share = _number(foreign, "share", "foreign", file) / 100.0
        kwargs["foreign_share"] = (_year(foreign, "by", "foreign", file), share)
    try:
        return Scenario(**kwargs)
    except ScenarioError as error:
        raise InputError(str(error), file=file, column=error.key) from error  # keeps .part


def read_scenario(path: str | Path) -> Scenario:
    """Read one scenario file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError("ファイルがありません", file=str(path)) from None
    text = decode_csv(raw, str(path))  # UTF-8, or Shift_JIS / UTF-16 as Windows editors save
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        row, column = _toml_position(str(error), text)
        raise InputError(f"TOMLとして読めません: {error}", file=str(path), row=row,
                         column=column) from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        row = _deepest_line(text)
        raise InputError("TOMLの入れ子 ([ や { の重なり) が深すぎます", file=str(path),
                         row=row) from None
    return scenario_from_mapping(data, str(path))


def _toml_position(message: str, text: str) -> tuple[int, str | None]:
    """Line and column of a TOML error ("(at line 6, column 11)" or "(at end of document)")."""
    match = re.search(r"line (\d+), column (\d+)", message)
    if match:
        return int(match[1]), f"{match[2]}文字目"
    return text.count("\n") + 1, None


def _deepest_line(text: str) -> int:
    depths = [line.count("[") + line.count("{") for line in text.splitlines()] or [0]
    return depths.index(max(depths)) + 1


# Writing: the inverse of the reader above.
def _value(value: Any, key: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InputError(f"{key} の値 {value} はTOMLに書けません", column=key)
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if value == []:
        return "[]"
    if isinstance(value, dict):
        inner = ", ".join(f"{_key(k)} = {_value(v, f'{key}.{k}')}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    raise InputError(f"{key} の値 {value!r} はTOMLに書けません", column=key)


def _string(text: str) -> str:
    # A JSON string is a TOML basic string, except that TOML also escapes DEL.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _key(key: Any) -> str:
    text = str(key)
    bare = text and all(c.isascii() and (c.isalnum() or c in "-_") for c in text)
    return text if bare else _string(text)


def _pairs(table: dict[str, Any], where: str) -> list[str]:
    return [f"{_key(k)} = {_value(v, f'{where}{k}')}" for k, v in table.items()]


def scenario_to_toml(mapping: dict[str, Any]) -> str:
    """The text of a scenario file whose parsed TOML equals ``mapping``."""
    scalars = {k: v for k, v in mapping.items() if not isinstance(v, dict | list) or v == []}
    lines = _pairs(scalars, "")
    for key, value in mapping.items():
        if isinstance(value, dict):
            lines += ["", f"[{_key(key)}]", *_pairs(value, f"{key}.")]
        elif isinstance(value, list) and value:
            for index, entry in enumerate(value):
                if not isinstance(entry, dict):
                    raise InputError(f"{key} は表の配列にしてください", column=key)
                lines += ["", f"[[{_key(key)}]]", *_pairs(entry, f"{key}[{index}].")]
    return "\n".join(lines) + "\n"
