"""The scenario form: its fields become the mapping of a scenario file (TOML schema).

`scenario_from_mapping` (the CLI's reader) validates the mapping, so a scenario saved from the
web can be written out as a file and read by `sousei project --scenario` unchanged.
"""

from __future__ import annotations

from typing import Any

from django import forms

from sousei.demography.scenarios import Scenario
from sousei.io.errors import InputError
from sousei.io.scenario_file import scenario_from_mapping

MIGRATION_ROWS = 3
TFR_MODES = [("", "変えない"), ("change", "ポイント引き上げ"), ("target", "目標値")]
SEXES = [("both", "男女"), ("M", "男"), ("F", "女")]
VARIANTS = [("net_rates", "純移動率一定"), ("converging", "縮小"), ("zero", "移動ゼロ")]


class ScenarioForm(forms.Form):
    name = forms.CharField(label="シナリオ名", max_length=100)
    description = forms.CharField(label="説明", required=False, max_length=400)
    tfr_mode = forms.ChoiceField(label="合計特殊出生率", choices=TFR_MODES, required=False)
    tfr_value = forms.FloatField(label="値", required=False)
    tfr_year = forms.IntegerField(label="年", required=False, min_value=2020, max_value=2100)
    migration_variant = forms.ChoiceField(label="純移動の仮定", choices=VARIANTS, initial="net_rates")
    foreign_share = forms.FloatField(label="外国人比率の目標(%)", required=False, min_value=0,
                                     max_value=100)
    foreign_year = forms.IntegerField(label="目標年", required=False, min_value=2020,
                                      max_value=2100)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(MIGRATION_ROWS):
            self.fields[f"mig{i}_ages"] = forms.CharField(
                label="年齢", required=False, max_length=10,
                widget=forms.TextInput(attrs={"placeholder": "10-29", "size": 6}))
            self.fields[f"mig{i}_sex"] = forms.ChoiceField(label="性別", choices=SEXES,
                                                           required=False)
            self.fields[f"mig{i}_points"] = forms.FloatField(label="ポイント", required=False)
        self.scenario: Scenario | None = None

    def migration_rows(self) -> list[list[forms.BoundField]]:
        return [[self[f"mig{i}_{key}"] for key in ("ages", "sex", "points")]
                for i in range(MIGRATION_ROWS)]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        try:
            self.scenario = scenario_from_mapping(to_mapping(data), file="シナリオ")
        except InputError as error:
            raise forms.ValidationError(error.message) from None
        return data

    def mapping(self) -> dict[str, Any]:
        return to_mapping(self.cleaned_data)


def to_mapping(data: dict[str, Any]) -> dict[str, Any]:
    """Form values -> the scenario file mapping (only what the user set)."""
    mapping: dict[str, Any] = {"name": data.get("name", ""),
                               "description": data.get("description") or ""}
    mode = data.get("tfr_mode")
    if mode:
        if data.get("tfr_value") is None or data.get("tfr_year") is None:
            raise InputError("合計特殊出生率の値と年を入力してください", column="tfr")
        mapping["tfr"] = {mode: data["tfr_value"], "by": data["tfr_year"]}
    migration = []
    for i in range(MIGRATION_ROWS):
        ages, points = data.get(f"mig{i}_ages"), data.get(f"mig{i}_points")
        if ages and points is not None:
            migration.append({"ages": ages, "sex": data.get(f"mig{i}_sex") or "both",
                              "change_points": points})
    if migration:
        mapping["migration"] = migration
    variant = data.get("migration_variant") or "net_rates"
    if variant != "net_rates":
        mapping["migration_variant"] = {"kind": variant}
    if data.get("foreign_share") is not None:
        if data.get("foreign_year") is None:
            raise InputError("外国人比率の目標年を入力してください", column="foreign")
        mapping["foreign"] = {"share": data["foreign_share"], "by": data["foreign_year"]}
    return mapping


def initial_from_mapping(mapping: dict[str, Any]) -> dict[str, Any]:
    """A stored mapping back into the form's fields."""
    initial: dict[str, Any] = {"name": mapping.get("name", ""),
                               "description": mapping.get("description", "")}
    tfr = mapping.get("tfr", {})
    for mode in ("change", "target"):
        if mode in tfr:
            initial.update(tfr_mode=mode, tfr_value=tfr[mode], tfr_year=tfr.get("by"))
    for i, entry in enumerate(mapping.get("migration", [])[:MIGRATION_ROWS]):
        initial.update({f"mig{i}_ages": entry.get("ages"), f"mig{i}_sex": entry.get("sex", "both"),
                        f"mig{i}_points": entry.get("change_points")})
    initial["migration_variant"] = mapping.get("migration_variant", {}).get("kind", "net_rates")
    if "foreign" in mapping:
        initial.update(foreign_share=mapping["foreign"]["share"],
                       foreign_year=mapping["foreign"]["by"])
    return initial
