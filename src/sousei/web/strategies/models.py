"""DB models of the strategy tree. Shapes follow `sousei.strategy.model`; `convert.py` maps them.

Editable rows carry `version` for optimistic concurrency (see `versioning.py`). Each model
exposes `.organisation` (owner, for access checks and the audit trail) and `.strategy`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from sousei.web.accounts.models import CommitteeSector, Organisation

VALUE = {"max_digits": 20, "decimal_places": 4, "null": True, "blank": True}
NEXT_STEPS = ("拡充", "継続", "改善", "見直し", "縮小", "廃止・終了")


def default_next_steps() -> list[str]:
    return list(NEXT_STEPS)


class InStrategy:
    """`.strategy` and `.organisation` of a row below the strategy, through its parent.

    Each model names its parent foreign key in ``parent_name``; access checks and the audit
    trail ask every row for its owner this one way.
    """

    parent_name: str

    @property
    def strategy(self) -> Strategy:
        return getattr(self, self.parent_name).strategy

    @property
    def organisation(self) -> Organisation:
        return getattr(self, self.parent_name).organisation


class Versioned(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class Strategy(Versioned):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="strategies"
    )
    name = models.CharField("名称", max_length=200)
    plan_start = models.PositiveSmallIntegerField("計画開始年度")
    plan_end = models.PositiveSmallIntegerField("計画終了年度")
    is_demo = models.BooleanField("デモ用", default=False)
    # A name from sousei.strategy.SCHEMES (standard = ○△×, a-e, sabc, standard-prorated).
    grading_scheme = models.CharField("評価方式", max_length=50, default="standard")
    # A city's own scheme as the CLI's JSON (sousei.strategy.grading.scheme_from_mapping);
    # when set it replaces the built-in one named above.
    custom_scheme = models.JSONField("独自の評価方式", null=True, blank=True)
    # 今後の方向性 a department may choose for a KPI; the organisation edits the list.
    next_steps = models.JSONField("今後の方向性の選択肢", default=default_next_steps, blank=True)

    class Meta:
        ordering = ("organisation", "-plan_start", "name")
        verbose_name = "総合戦略"

    def __str__(self) -> str:
        return f"{self.name}（デモ用）" if self.is_demo and "デモ" not in self.name else self.name

    @property
    def strategy(self) -> Strategy:
        return self

    @property
    def is_published(self) -> bool:
        return self.snapshots.exists()

    @property
    def plan_years(self) -> list[int]:
        return list(range(self.plan_start, self.plan_end + 1))


class BasicGoal(InStrategy, Versioned):
    parent_name = "strategy_ref"
    strategy_ref = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="goals")
    number = models.PositiveSmallIntegerField("番号")
    name = models.CharField("基本目標", max_length=300)

    class Meta:
        ordering = ("number",)
        verbose_name = "基本目標"

    def __str__(self) -> str:
        return f"基本目標{self.number} {self.name}"


class Direction(InStrategy, Versioned):
    parent_name = "goal"
    goal = models.ForeignKey(BasicGoal, on_delete=models.CASCADE, related_name="directions")
    number = models.PositiveSmallIntegerField("番号")
    # Blank when the plan names no 基本的方向: its measures hang directly under the goal.
    name = models.CharField("基本的方向", max_length=300, blank=True)

    class Meta:
        ordering = ("number",)
        verbose_name = "基本的方向"

    def __str__(self) -> str:
        return self.name


class Measure(InStrategy, Versioned):
    parent_name = "direction"
    direction = models.ForeignKey(Direction, on_delete=models.CASCADE, related_name="measures")
    number = models.PositiveSmallIntegerField("番号")
    name = models.CharField("施策", max_length=300, blank=True)

    class Meta:
        ordering = ("number",)
        verbose_name = "施策"

    def __str__(self) -> str:
        return self.name


class Project(InStrategy, Versioned):
    parent_name = "measure"
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="projects")
    number = models.PositiveSmallIntegerField("番号")
    name = models.CharField("具体的な事業", max_length=300, blank=True)
    purpose = models.TextField("事業の目的と概要", blank=True)
    departments = models.CharField("担当課", max_length=300, blank=True)
    partners = models.JSONField("関係市町", default=list, blank=True)

    class Meta:
        ordering = ("number",)
        verbose_name = "具体的な事業"

    def __str__(self) -> str:
        return self.name


class PartnerRole(InStrategy, Versioned):
    """役割分担: what one partner municipality (or the 連携市町 as a group) does in a project."""
    parent_name = "project"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="roles")
    municipality = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    label = models.CharField("団体", max_length=100)  # 久留米市 / 連携市町
    role = models.TextField("役割", blank=True)

    class Meta:
        ordering = ("id",)
        verbose_name = "役割分担"

    def __str__(self) -> str:
        return f"{self.project} / {self.label}"


class Budget(InStrategy, Versioned):
    """事業費 of one fiscal year in 千円; blank while the budget is not decided."""
    parent_name = "project"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="budgets")
    fiscal_year = models.PositiveSmallIntegerField("年度")
    thousand_yen = models.DecimalField("事業費(千円)", **VALUE)

    class Meta:
        ordering = ("fiscal_year",)
        constraints = (
            models.UniqueConstraint(fields=("project", "fiscal_year"), name="one_budget_per_fy"),
        )
        verbose_name = "事業費"

    def __str__(self) -> str:
        return f"{self.project} {self.fiscal_year}年度 事業費"


class KPI(InStrategy, Versioned):
    parent_name = "project"
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="kpis")
    number = models.PositiveSmallIntegerField("番号", default=1)
    name = models.CharField("重要業績評価指標", max_length=300)
    unit = models.CharField("単位", max_length=30, blank=True)
    direction = models.CharField(
        "方向", max_length=10, choices=[("higher", "高いほど良い"), ("lower", "低いほど良い")],
        default="higher",
    )
    aggregation = models.CharField(
        "集計", max_length=10, default="level",
        choices=[("flow", "年度ごとの件数(累計)"), ("stock", "累計値"), ("level", "水準")],
    )
    target_kind = models.CharField(
        "目標の種類", max_length=20, default="level",
        choices=[
            ("level", "目標年度の水準"), ("cumulative", "計画期間の累計"), ("stock", "累計到達"),
            ("at_least", "以上"), ("at_most", "以下"), ("decrease", "減少"),
            ("qualitative", "定性"),
        ],
    )
    target_value = models.DecimalField("目標値", **VALUE)
    target_year = models.PositiveSmallIntegerField("目標年度", null=True, blank=True)
    target_text = models.CharField("目標値(表記)", max_length=100, blank=True)
    baseline = models.DecimalField("基準値", **VALUE)
    baseline_year = models.PositiveSmallIntegerField("基準年度", null=True, blank=True)
    baseline_note = models.CharField("基準値(文言・注記)", max_length=300, blank=True)
    comparison_value = models.DecimalField("実績値(目標値比較)", **VALUE)
    judgement_grade = models.CharField("記録された評価", max_length=10, blank=True)
    judgement_reason = models.TextField("評価の理由", blank=True)
    notes = models.JSONField("注記(※)", default=list, blank=True)
    department = models.CharField("担当課", max_length=100, blank=True)
    source = models.CharField("出典", max_length=200, blank=True)

    class Meta:
        ordering = ("number", "id")
        verbose_name = "KPI"

    def __str__(self) -> str:
        return self.name


class ActualState(models.TextChoices):
    NUMBER = "number", "数値"
    PENDING = "pending", "公表後記入予定"
    NOT_OBTAINABLE = "not_obtainable", "把握不可能"
    NOT_CARRIED_OUT = "not_carried_out", "未実施"
    RECORDED = "recorded", "文言による実績"


class Actual(InStrategy, Versioned):
    parent_name = "kpi"
    kpi = models.ForeignKey(KPI, on_delete=models.CASCADE, related_name="actuals")
    fiscal_year = models.PositiveSmallIntegerField("年度")
    state = models.CharField("状態", max_length=20, choices=ActualState.choices)
    value = models.DecimalField("実績値", **VALUE)
    note = models.CharField("備考", max_length=1000, blank=True)
    # The year the figure is of when an earlier year's figure stands in this year's column.
    observed_year = models.PositiveSmallIntegerField("値の年度", null=True, blank=True)

    class Meta:
        ordering = ("fiscal_year",)
        constraints = (
            models.UniqueConstraint(fields=("kpi", "fiscal_year"), name="one_actual_per_fy"),
            models.CheckConstraint(
                condition=(models.Q(state="number", value__isnull=False)
                           | (~models.Q(state="number") & models.Q(value__isnull=True))),
                name="value_iff_number",
            ),
        )
        verbose_name = "実績値"

    def __str__(self) -> str:
        return f"{self.kpi} {self.fiscal_year}年度 実績値"

    @property
    def department(self) -> str:
        return self.kpi.department


class NumericalTarget(InStrategy, Versioned):
    """A basic goal's 数値目標: baseline, IPSS estimate, target and actual of one indicator."""

    parent_name = "goal"
    goal = models.ForeignKey(BasicGoal, on_delete=models.CASCADE,
                             related_name="numerical_targets")
    number = models.PositiveSmallIntegerField("番号")
    indicator = models.CharField("指標", max_length=200)
    unit = models.CharField("単位", max_length=30, blank=True)
    baseline = models.DecimalField("基準値", **VALUE)
    ipss_estimate = models.DecimalField("社人研推計値", **VALUE)
    target = models.DecimalField("目標値", **VALUE)
    actual = models.DecimalField("実績値", **VALUE)
    period = models.CharField("期間", max_length=50, blank=True)
    note = models.CharField("備考", max_length=300, blank=True)

    class Meta:
        ordering = ("number",)
        verbose_name = "数値目標"

    def __str__(self) -> str:
        return f"{self.goal} {self.indicator}"


class Comment(models.Model):
    """A committee comment on a basic goal, measure, project or KPI; the body is added, never
    edited; the planning department's reply (対応方針) is edited with a version check."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)
    kpi = models.ForeignKey(KPI, null=True, blank=True, on_delete=models.CASCADE,
                            related_name="comments")
    goal = models.ForeignKey(BasicGoal, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="comments")
    measure = models.ForeignKey(Measure, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="comments")
    project = models.ForeignKey(Project, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="comments")
    reply = models.TextField("対応方針", blank=True)
    replied_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1, editable=False)
    body = models.TextField("意見")
    # The author's 委員の区分 when the comment was written, copied rather than looked up so a
    # later change of the membership does not rewrite who said what in past reports.
    sector = models.CharField(
        "委員の区分", max_length=1, choices=CommitteeSector.choices, blank=True
    )

    class Meta:
        ordering = ("created_at", "id")
        verbose_name = "意見"

    def __str__(self) -> str:
        return f"{self.subject} への意見"

    @property
    def subject(self) -> KPI | Project | Measure | BasicGoal:
        return self.kpi or self.project or self.measure or self.goal  # type: ignore[return-value]

    @property
    def subject_kind(self) -> str:
        """基本目標 / 施策 / 事業 / KPI, as sousei.strategy.TARGET_KINDS names them."""
        return ("KPI" if self.kpi_id else "事業" if self.project_id else
                "施策" if self.measure_id else "基本目標")

    @property
    def organisation(self) -> Organisation:
        return self.subject.organisation


class EvaluationSnapshot(InStrategy, models.Model):
    """A published evaluation frozen as data: later edits of actuals do not change it."""
    parent_name = "strategy_ref"

    strategy_ref = models.ForeignKey(Strategy, on_delete=models.PROTECT, related_name="snapshots")
    fiscal_year = models.PositiveSmallIntegerField("評価年度")
    scheme = models.CharField("評価方式", max_length=50)
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    data = models.JSONField()

    class Meta:
        ordering = ("-published_at", "-id")
        verbose_name = "公表済み評価"

    def __str__(self) -> str:
        return f"{self.strategy_ref} {self.fiscal_year}年度 評価"

    is_published = True


# The review loop's rows live in their own module; imported here so Django registers them.
from sousei.web.strategies.review_models import (  # noqa: E402
    CommitteeMember,
    KPIReview,
    Meeting,
)

__all__ = ["CommitteeMember", "KPIReview", "Meeting"]
