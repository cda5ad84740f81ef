"""Forms of the logic model editor, limited to the strategy's own indicators, KPIs and measures."""

from __future__ import annotations

from django import forms

from sousei.strategy.logic_model import Level
from sousei.web.logic.models import LEVEL_CHOICES, LogicIndicator
from sousei.web.strategies.models import KPI, Measure, Strategy


class IndicatorForm(forms.Form):
    code = forms.CharField(label="指標コード", max_length=20,
                           error_messages={"required": "指標コードを入力してください"})
    name = forms.CharField(label="指標名", max_length=300,
                           error_messages={"required": "指標名を入力してください"})
    level = forms.TypedChoiceField(label="段階", choices=LEVEL_CHOICES, coerce=int)
    unit = forms.CharField(label="単位", max_length=30, required=False)
    kpi = forms.ModelChoiceField(label="対応するKPI (任意)", queryset=KPI.objects.none(),
                                 required=False)

    def __init__(self, *args: object, strategy: Strategy, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.strategy = strategy
        self.fields["kpi"].queryset = KPI.objects.filter(
            project__measure__direction__goal__strategy_ref=strategy)

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        if LogicIndicator.objects.filter(strategy_ref=self.strategy, code=code).exists():
            raise forms.ValidationError(f"指標コード {code} はすでにあります")
        return code


class LinkForm(forms.Form):
    low = forms.ModelChoiceField(label="下位の指標", queryset=LogicIndicator.objects.none())
    high = forms.ModelChoiceField(label="上位の指標", queryset=LogicIndicator.objects.none())

    def __init__(self, *args: object, strategy: Strategy, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        own = LogicIndicator.objects.filter(strategy_ref=strategy)
        self.fields["low"].queryset = own
        self.fields["high"].queryset = own

    def clean(self) -> dict:
        data = super().clean()
        low, high = data.get("low"), data.get("high")
        if low and high and low.level >= high.level:
            raise forms.ValidationError(
                f"{low.code}({low.level_label}) → {high.code}({high.level_label}): "
                "上位の段階へのつながりにしてください")
        if low and high and low.ups.filter(high=high).exists():
            raise forms.ValidationError("このつながりはすでにあります")
        return data


class MeasureLinkForm(forms.Form):
    measure = forms.ModelChoiceField(label="施策", queryset=Measure.objects.none())
    output = forms.ModelChoiceField(label="アウトプット指標",
                                    queryset=LogicIndicator.objects.none())

    def __init__(self, *args: object, strategy: Strategy, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = Measure.objects.filter(
            direction__goal__strategy_ref=strategy)
        self.fields["output"].queryset = LogicIndicator.objects.filter(
            strategy_ref=strategy, level=int(Level.OUTPUT))

    def clean(self) -> dict:
        data = super().clean()
        measure, output = data.get("measure"), data.get("output")
        if measure and output and output.measure_links.filter(measure=measure).exists():
            raise forms.ValidationError("このつながりはすでにあります")
        return data
