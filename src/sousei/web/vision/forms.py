"""The scenario form: its fields become the mapping of a scenario file (TOML schema).

Only what the form itself needs is checked here (a value with its year, points in increasing
rows); the ranges (years after the base year and up to 2100, TFR 0.5-3.0, ages on the 5-year
grid …) are the core's, checked by `scenario_from_mapping` (the CLI's reader) and
`Scenario.check_base_year`, whose Japanese message is shown next to the field its key names. So
the web, the CLI and the API refuse the same scenarios with the same words.
"""

from __future__ import annotations

import re
from itertools import count
from typing import Any

from django import forms

from sousei.demography.scenarios import Scenario, ScenarioError
from sousei.io.errors import InputError
from sousei.io.scenario import scenario_from_mapping

MIGRATION_ROWS = 3  # empty rows offered; a stored scenario with more gets one spare row
TFR_POINT_ROWS = 4
TFR_MODES = [("", "変えない"), ("change", "基準から引き上げ"), ("target", "目標値"),
             ("points", "年ごとの値(複数の点)")]
SEXES = [("both", "男女"), ("M", "男"), ("F", "女")]
MIGRATION_UNITS = [("per_year", "1年あたり"), ("per_period", "5年間あたり")]
VARIANTS = [("net_rates", "純移動率一定"), ("converging", "一定割合に収束"),
            ("zero", "移動ゼロ(封鎖人口)")]
# Scenario keys (as in the TOML file and the core's ScenarioError) -> the form field to mark.
CORE_FIELDS = {
    "name": "name", "description": "description", "tfr.change": "tfr_value",
    "tfr.target": "tfr_value", "tfr.by": "tfr_year", "migration_variant.kind": "migration_variant",
    "migration_variant.fraction": "conv_fraction", "migration_variant.by": "conv_year",
    "foreign.share": "foreign_share", "foreign.by": "foreign_year",
}


MAX_ROWS = 20  # a posted "mig999999_ages" must not build a million fields


def _rows(prefix: str, data: Any, stored: int, minimum: int) -> int:
    """Rows to offer: every row posted, or the stored entries plus one spare (at most
    MAX_ROWS)."""
    pattern = re.compile(rf"{prefix}(\d+)_")
    posted = [int(m.group(1)) + 1 for key in (data or {}) if (m := pattern.match(key))]
    return min(MAX_ROWS, max(minimum, stored + 1, *posted))


class ScenarioForm(forms.Form):
    name = forms.CharField(label="シナリオ名", max_length=100)
    description = forms.CharField(label="説明", required=False, max_length=400)
    tfr_mode = forms.ChoiceField(label="合計特殊出生率", choices=TFR_MODES, required=False)
    tfr_value = forms.FloatField(label="値", required=False)
    tfr_year = forms.IntegerField(label="年", required=False)
    migration_variant = forms.ChoiceField(label="純移動の仮定", choices=VARIANTS,
                                          initial="net_rates")
    conv_fraction = forms.FloatField(
        label="収束後の割合", required=False,
        help_text="基準の純移動率に対する割合 (0.5 = 半減、1 = 変えない、0 = ゼロ)")
    conv_year = forms.IntegerField(label="収束年", required=False)
    foreign_share = forms.FloatField(label="外国人比率の目標(%)", required=False)
    foreign_year = forms.IntegerField(label="目標年", required=False)

    def __init__(self, *args: Any, base_year: int = 2015, stored: dict | None = None,
                 foreign_split: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.base_year = base_year
        self.foreign_split = foreign_split
        stored = stored or {}
        points = stored.get("tfr", {}).get("points", {})
        self.point_rows = _rows("tfr_pt", self.data, len(points), TFR_POINT_ROWS)
        self.mig_rows = _rows("mig", self.data, len(stored.get("migration", [])), MIGRATION_ROWS)
        for i in range(self.point_rows):
            self.fields[f"tfr_pt{i}_year"] = forms.IntegerField(label="年", required=False)
            self.fields[f"tfr_pt{i}_value"] = forms.FloatField(label="出生率", required=False)
        for i in range(self.mig_rows):
            self.fields[f"mig{i}_ages"] = forms.CharField(
                label="年齢", required=False, max_length=10,
                widget=forms.TextInput(attrs={"placeholder": "10-29", "size": 6}))
            self.fields[f"mig{i}_sex"] = forms.ChoiceField(label="性別", choices=SEXES,
                                                           required=False)
            self.fields[f"mig{i}_points"] = forms.FloatField(label="ポイント", required=False)
            self.fields[f"mig{i}_unit"] = forms.ChoiceField(
                label="単位", choices=MIGRATION_UNITS, required=False, initial="per_year")
            self.fields[f"mig{i}_from"] = forms.IntegerField(label="開始年", required=False)
        self._name_table_cells()
        self.scenario: Scenario | None = None

    def _name_table_cells(self) -> None:
        """Fields in the point and migration tables have no <label> of their own (the column
        heading says what they are): give each an accessible name such as 「2行目 性別」 so a
        screen reader and axe know which cell is which."""
        for name, field in self.fields.items():
            for prefix in ("tfr_pt", "mig"):
                row = name.removeprefix(prefix).split("_")[0]
                if name.startswith(prefix) and row.isdigit():
                    field.widget.attrs["aria-label"] = f"{int(row) + 1}行目 {field.label}"

    def point_fields(self) -> list[list[forms.BoundField]]:
        return [[self[f"tfr_pt{i}_{key}"] for key in ("year", "value")]
                for i in range(self.point_rows)]

    def migration_rows(self) -> list[list[forms.BoundField]]:
        return [[self[f"mig{i}_{key}"] for key in ("ages", "sex", "points", "unit", "from")]
                for i in range(self.mig_rows)]

    # -- checks, each error on its field --------------------------------------------------

    def _needs(self, data: dict, field: str, what: str) -> bool:
        if data.get(field) is None and field not in self.errors:
            self.add_error(field, f"{what}を入力してください")
            return False
        return data.get(field) is not None

    def _check_tfr(self, data: dict) -> None:
        mode = data.get("tfr_mode")
        if mode in ("change", "target"):
            self._needs(data, "tfr_value", "合計特殊出生率の値")
            self._needs(data, "tfr_year", "合計特殊出生率の目標年")
        if mode != "points":
            return
        previous: int | None = None
        filled = 0
        for i in range(self.point_rows):
            year, value = f"tfr_pt{i}_year", f"tfr_pt{i}_value"
            if data.get(year) is None and data.get(value) is None:
                continue
            filled += 1
            self._needs(data, year, "年")
            self._needs(data, value, "出生率")
            this = data.get(year)
            if this is None:
                continue
            if previous is not None and this <= previous:
                self.add_error(year, f"前の点({previous}年)より後の年にしてください")
            previous = this if previous is None else max(previous, this)
        if not filled:
            self.add_error("tfr_pt0_year", "年と出生率の点を1つ以上入力してください")

    def _check_migration(self, data: dict) -> None:
        for i in range(self.mig_rows):
            ages, points = f"mig{i}_ages", f"mig{i}_points"
            if not data.get(ages) and data.get(points) is None:
                continue
            if self._needs(data, points, "ポイント") and not data.get(ages):
                self.add_error(ages, "年齢を入力してください")
        if data.get("migration_variant") == "converging":
            self._needs(data, "conv_fraction", "収束後の割合")
            self._needs(data, "conv_year", "収束年")

    def _check_foreign(self, data: dict) -> None:
        if data.get("foreign_share") is None:
            return
        if not self.foreign_split:
            self.add_error("foreign_share", "外国人比率の目標は、日本人・外国人に分かれた人口"
                                            "データを登録したときに使えます")
            return
        self._needs(data, "foreign_year", "外国人比率の目標年")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self._check_tfr(data)
        self._check_migration(data)
        self._check_foreign(data)
        if self.errors:
            return data
        try:  # the ranges are the core's (sousei.demography.bounds), shared with CLI and API
            scenario = scenario_from_mapping(to_mapping(data), file="シナリオ")
            scenario.check_base_year(self.base_year)
        except InputError as error:
            self._core_error(data, error.message, error.column,
                             getattr(error.__cause__, "part", "value"))
            return data
        except ScenarioError as error:
            self._core_error(data, str(error), error.key, error.part)
            return data
        self.scenario = scenario
        return data

    def _core_error(self, data: dict, message: str, key: str | None, part: str = "value") -> None:
        """The core's message on the field its scenario key came from (else on the form)."""
        self.add_error(self._field_of(data, key or "", part), message)

    def _field_of(self, data: dict, key: str, part: str) -> str | None:
        match = re.match(r"migration\[(\d+)\]\.(\w+)", key)
        if match:  # the mapping skips blank rows: its n-th entry is the n-th filled row
            filled = [i for i in _indices(data, "mig{}_ages")
                      if data.get(f"mig{i}_ages") and data.get(f"mig{i}_points") is not None]
            index, part = int(match[1]), match[2]
            row = filled[index] if index < len(filled) else 0
            suffix = {"ages": "ages", "sex": "sex", "from": "from"}.get(part, "points")
            return f"mig{row}_{suffix}"
        match = re.match(r"tfr\.points\.(\d+)", key)
        if match:  # the point of that year
            rows = [i for i in _indices(data, "tfr_pt{}_year")
                    if data.get(f"tfr_pt{i}_year") == int(match[1])] or [0]
            return f"tfr_pt{rows[0]}_{part}"
        if key == "tfr.points":
            return "tfr_pt0_year"
        return CORE_FIELDS.get(key)

    def mapping(self) -> dict[str, Any]:
        return to_mapping(self.cleaned_data)


def _indices(data: dict[str, Any], key: str) -> range:
    return range(next(i for i in count() if key.format(i) not in data))


def to_mapping(data: dict[str, Any]) -> dict[str, Any]:
    """Checked form values -> the scenario file mapping (only what the user set)."""
    mapping: dict[str, Any] = {"name": data.get("name", ""),
                               "description": data.get("description") or ""}
    mode = data.get("tfr_mode")
    if mode in ("change", "target"):
        mapping["tfr"] = {mode: data["tfr_value"], "by": data["tfr_year"]}
    elif mode == "points":
        mapping["tfr"] = {"points": {
            str(data[f"tfr_pt{i}_year"]): data[f"tfr_pt{i}_value"]
            for i in _indices(data, "tfr_pt{}_year") if data.get(f"tfr_pt{i}_year") is not None}}
    migration = []
    for i in _indices(data, "mig{}_ages"):
        ages, points = data.get(f"mig{i}_ages"), data.get(f"mig{i}_points")
        if ages and points is not None:
            unit = data.get(f"mig{i}_unit") or "per_year"
            entry = {"ages": ages, "sex": data.get(f"mig{i}_sex") or "both",
                     f"change_points_{unit}": points}
            if data.get(f"mig{i}_from") is not None:
                entry["from"] = data[f"mig{i}_from"]
            migration.append(entry)
    if migration:
        mapping["migration"] = migration
    variant = data.get("migration_variant") or "net_rates"
    if variant == "converging":
        mapping["migration_variant"] = {"kind": variant, "fraction": data["conv_fraction"],
                                        "by": data["conv_year"]}
    elif variant != "net_rates":
        mapping["migration_variant"] = {"kind": variant}
    if data.get("foreign_share") is not None:
        mapping["foreign"] = {"share": data["foreign_share"], "by": data["foreign_year"]}
    return mapping


def _migration_points(i: int, entry: dict[str, Any]) -> dict[str, Any]:
    """The value and unit fields of a stored migration change (old ``change_points`` and
    ``change`` are per 5-year period)."""
    if "change_points_per_year" in entry:
        return {f"mig{i}_points": entry["change_points_per_year"], f"mig{i}_unit": "per_year"}
    points = entry.get("change_points_per_period", entry.get("change_points"))
    if points is None and "change" in entry:
        points = entry["change"] * 100
    return {f"mig{i}_points": points, f"mig{i}_unit": "per_period"}


def initial_from_mapping(mapping: dict[str, Any]) -> dict[str, Any]:
    """A stored mapping back into the form's fields."""
    initial: dict[str, Any] = {"name": mapping.get("name", ""),
                               "description": mapping.get("description", "")}
    tfr = mapping.get("tfr", {})
    for mode in ("change", "target"):
        if mode in tfr:
            initial.update(tfr_mode=mode, tfr_value=tfr[mode], tfr_year=tfr.get("by"))
    if "points" in tfr:
        initial["tfr_mode"] = "points"
        for i, (year, value) in enumerate(sorted(tfr["points"].items(), key=lambda p: int(p[0]))):
            initial.update({f"tfr_pt{i}_year": int(year), f"tfr_pt{i}_value": value})
    for i, entry in enumerate(mapping.get("migration", [])):
        initial.update({f"mig{i}_ages": entry.get("ages"), f"mig{i}_sex": entry.get("sex", "both"),
                        **_migration_points(i, entry),
                        f"mig{i}_from": entry.get("from")})
    variant = mapping.get("migration_variant", {})
    initial["migration_variant"] = variant.get("kind", "net_rates")
    initial.update(conv_fraction=variant.get("fraction"), conv_year=variant.get("by"))
    if "foreign" in mapping:
        initial.update(foreign_share=mapping["foreign"]["share"],
                       foreign_year=mapping["foreign"]["by"])
    return initial
