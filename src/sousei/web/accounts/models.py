"""Who belongs where: organisations (municipality, partnership, prefecture) and roles."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", "市区町村"
    PARTNERSHIP = "partnership", "連携中枢都市圏"
    PREFECTURE = "prefecture", "都道府県"


class Role(models.TextChoices):
    ADMIN = "admin", "管理者"
    PLANNING = "planning", "企画担当"
    DEPARTMENT = "department", "担当課"
    COMMITTEE = "committee", "検証委員"
    VIEWER = "viewer", "閲覧者"


class CommitteeSector(models.TextChoices):
    """委員の区分 of a 検証委員会 member (産官学金労言士); the values are the one-character
    labels `sousei.strategy.COMMITTEE_SECTORS` and the KPI report print."""

    INDUSTRY = "産", "産(産業界)"
    GOVERNMENT = "官", "官(行政機関)"
    ACADEMIA = "学", "学(大学等)"
    FINANCE = "金", "金(金融機関)"
    LABOUR = "労", "労(労働団体)"
    MEDIA = "言", "言(報道機関)"
    PROFESSIONS = "士", "士(士業)"


class Organisation(models.Model):
    """Every record belongs to one organisation; a partnership lists its member municipalities."""

    kind = models.CharField("種別", max_length=20, choices=OrganisationKind.choices)
    name = models.CharField("名称", max_length=100)
    # 5-digit 地方公共団体コード without the check digit (久留米市 40203, 福岡県 40000).
    # A partnership has no code of its own.
    code = models.CharField(
        "団体コード",
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", "団体コードは5桁の数字で入力してください")],
    )
    prefecture = models.CharField("都道府県", max_length=10, blank=True)
    members = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="partnerships",
        verbose_name="構成市町村",
    )

    class Meta:
        ordering = ("code", "name")
        verbose_name = "組織"

    def __str__(self) -> str:
        return self.name

    @property
    def organisation(self) -> Organisation:
        return self


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField("役割", max_length=20, choices=Role.choices)
    # Only for department users: the 担当課 whose KPIs they enter, e.g. "商工政策課".
    department = models.CharField("担当課", max_length=100, blank=True)
    # Only for committee members: which of 産官学金労言士 they represent; copied onto each
    # comment they write so the KPI report can say who spoke.
    sector = models.CharField(
        "委員の区分", max_length=1, choices=CommitteeSector.choices, blank=True
    )

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("user", "organisation"), name="one_role_per_org"),
        )
        verbose_name = "所属"

    def __str__(self) -> str:
        return f"{self.user} / {self.organisation} / {self.get_role_display()}"


class LoginAttempts(models.Model):
    """Login attempts counted per user name and per address, in the database so that every
    worker of the server sees one count and a row lock makes reserving an attempt atomic."""

    key = models.CharField(max_length=100, unique=True)  # "user:<sha256>" or "addr:<address>"
    count = models.PositiveIntegerField(default=0)
    window_start = models.DateTimeField()

    class Meta:
        verbose_name = "ログイン試行"

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"
