"""Forms with Japanese validation messages; numbers are read by `sousei.japanese`."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from sousei.japanese import NumberError, parse_number
from sousei.strategy import GradingScheme
from sousei.web.strategies.models import ActualState


class ActualForm(forms.Form):
    state = forms.ChoiceField(
        label="状態", choices=ActualState.choices, initial=ActualState.NUMBER,
        error_messages={
            "required": "状態を選んでください", "invalid_choice": "状態を選び直してください"
        },
    )
    value = forms.CharField(label="実績値", required=False, max_length=40)
    note = forms.CharField(label="備考", required=False, max_length=300)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args: object, unit: str = "", **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.unit = unit

    def clean(self) -> dict[str, object]:
        data = super().clean()
        state = data.get("state")
        text = (data.get("value") or "").strip()
        if state == ActualState.NUMBER:
            if not text:
                self.add_error(
                    "value",
                    "実績値を入力してください（数値が未確定の場合は状態で「公表後記入予定」などを選んでください）",
                )
                return data
            try:
                parsed = parse_number(text)
            except NumberError:
                self.add_error(
                    "value", f"実績値「{text}」は数値として読めません（例: 1,234 または 12.5）"
                )
                return data
            if parsed.unit and parsed.unit != self.unit:
                self.add_error(
                    "value", f"単位「{parsed.unit}」はこのKPIの単位「{self.unit}」と違います"
                )
                return data
            data["value"] = Decimal(repr(parsed.value))
            if abs(data["value"]) >= Decimal(10) ** 15:
                self.add_error("value", "実績値が大きすぎます")
        elif state:
            if text:
                label = ActualState(state).label
                self.add_error("value", f"状態が「{label}」のときは実績値を空欄にしてください")
            data["value"] = None
        return data


class CommentForm(forms.Form):
    body = forms.CharField(
        label="意見", max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "意見を入力してください"},
    )


class KPITargetForm(forms.Form):
    """Planning users correct a KPI's baseline, target and owner; numbers as in ActualForm."""

    name = forms.CharField(label="重要業績評価指標(KPI)", required=False, max_length=300)
    unit = forms.CharField(label="単位", required=False, max_length=30)
    baseline = forms.CharField(label="基準値", required=False, max_length=40)
    baseline_year = forms.IntegerField(label="基準年度", required=False, min_value=1989,
                                       max_value=2100)
    target_value = forms.CharField(label="目標値", required=False, max_length=40)
    target_year = forms.IntegerField(label="目標年度", required=False, min_value=1989,
                                     max_value=2100)
    target_text = forms.CharField(label="目標値(表記)", required=False, max_length=100)
    department = forms.CharField(label="担当課", required=False, max_length=100)
    comparison_value = forms.CharField(label="実績値(目標値比較)", required=False, max_length=40)
    judgement_grade = forms.CharField(label="記録する評価(定性目標)", required=False, max_length=10)
    judgement_reason = forms.CharField(label="評価の理由", required=False, max_length=4000,
                                       widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: object, scheme: GradingScheme | None = None, **kwargs: object) -> None:
        """``scheme`` is the strategy's grading scheme: a recorded grade must be one of its
        grades, or the KPI report could not be drawn (the core refuses an unknown grade)."""
        super().__init__(*args, **kwargs)
        self.scheme = scheme
        if scheme is not None:
            self.fields["judgement_grade"].help_text = (
                f"{'・'.join(scheme.symbols)}のいずれか(空欄なら達成率で評価します)")

    def clean_judgement_grade(self) -> str:
        grade = (self.cleaned_data.get("judgement_grade") or "").strip()
        if grade and self.scheme is not None and grade not in self.scheme.symbols:
            raise forms.ValidationError(
                f"評価「{grade}」はこの総合戦略の評価方式({self.scheme.display_name})にありません。"
                f"{'・'.join(self.scheme.symbols)}のいずれかを入力してください")
        return grade

    def clean_comparison_value(self) -> Decimal | None:
        return self._number("comparison_value")

    def _number(self, name: str) -> Decimal | None:
        text = (self.cleaned_data.get(name) or "").strip()
        if not text:
            return None
        try:
            return Decimal(repr(parse_number(text).value))
        except NumberError:
            label = self.fields[name].label
            raise forms.ValidationError(f"{label}「{text}」は数値として読めません") from None

    def clean_baseline(self) -> Decimal | None:
        return self._number("baseline")

    def clean_target_value(self) -> Decimal | None:
        return self._number("target_value")


class ReplyForm(forms.Form):
    reply = forms.CharField(label="対応方針", max_length=4000,
                            widget=forms.Textarea(attrs={"rows": 2}),
                            error_messages={"required": "対応方針を入力してください"})
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ReviewForm(forms.Form):
    """A department's self-evaluation of a KPI; 今後の方向性 from the organisation's list."""

    fiscal_year = forms.IntegerField(widget=forms.HiddenInput)
    self_evaluation = forms.CharField(label="自己評価", max_length=4000, required=False,
                                      widget=forms.Textarea(attrs={"rows": 3}))
    next_step = forms.ChoiceField(label="今後の方向性", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args: object, steps: list[str] = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["next_step"].choices = [("", "(選択してください)"), *((s, s) for s in steps)]
