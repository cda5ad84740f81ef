"""The demo strategy (デモ用, invented content) for a partnership around 久留米市.

Figures and wording are made up for demonstration; only the municipalities and their codes
are real (全国地方公共団体コード, from code4fukui/localgovjp, CC0).
"""

from __future__ import annotations

from sousei import strategy as core

FUKUOKA = ("福岡県", "40000")
PARTNERS = [  # (name, 5-digit code): the core city first
    ("久留米市", "40203"), ("大川市", "40212"), ("小郡市", "40216"),
    ("うきは市", "40225"), ("大刀洗町", "40503"), ("大木町", "40522"),
]
PARTNERSHIP = "久留米広域連携中枢都市圏（デモ）"
DEPARTMENTS = ("商工政策課", "農政課", "移住定住推進課")


def _kpi(name: str, unit: str, target: core.Target, department: str, baseline: float,
         actuals: dict[int, float | str], aggregation: core.Aggregation = core.Aggregation.LEVEL,
         direction: core.Direction = core.Direction.HIGHER) -> core.KPI:
    states = {"pending": core.ActualState.PENDING, "none": core.ActualState.NOT_OBTAINABLE}
    rows = tuple(
        core.Actual(fy, core.ActualState.NUMBER, v) if isinstance(v, float)
        else core.Actual(fy, states[v], None, "統計未公表" if v == "pending" else "")
        for fy, v in sorted(actuals.items())
    )
    return core.KPI(name, unit, direction, aggregation, target, baseline, 2021, rows,
                    department=department)


def _roles(core_role: str, partner_role: str) -> tuple[core.Role, ...]:
    return (core.Role("久留米市", core_role), core.Role("連携市町", partner_role))


def _budgets(*amounts: float | None) -> tuple[core.Budget, ...]:
    return tuple(core.Budget(2022 + i, a) for i, a in enumerate(amounts))


def demo_strategy() -> core.Strategy:
    level = core.TargetKind.LEVEL
    fair = core.Project(
        name="圏域特産品フェア開催事業（デモ）",
        purpose="圏域の農産物や工芸品を都市部でまとめて紹介し、販路を広げる。（デモ用の架空事業）",
        departments=("商工政策課",),
        roles=_roles("会場・出展者の調整", "出展品の選定と地元事業者への周知"),
        budgets=_budgets(1800.0, 1750.0, 1900.0, None, None),
        kpis=(_kpi("フェア来場者数", "人", core.Target(level, 12000.0, 2026, "12,000人(R8)"),
                   "商工政策課", 8000.0, {2022: 9100.0, 2023: 10400.0}),),
    )
    farming = core.Project(
        name="新規就農者研修事業（デモ）",
        purpose="就農を目指す人向けの研修と相談会を圏域共同で開く。（デモ用の架空事業）",
        departments=("農政課",),
        roles=_roles("研修の企画・運営", "研修生の募集と受入農家の紹介"),
        budgets=_budgets(600.0, 600.0, 650.0, None, None),
        kpis=(_kpi("新規就農者数", "人",
                   core.Target(core.TargetKind.CUMULATIVE, 40.0, 2026, "5年間に40人"),
                   "農政課", 7.0, {2022: 6.0, 2023: 9.0}, core.Aggregation.FLOW),),
    )
    moving = core.Project(
        name="移住相談窓口共同運営事業（デモ）",
        purpose="移住希望者の相談を圏域でひとつの窓口にまとめる。（デモ用の架空事業）",
        departments=("移住定住推進課",),
        roles=_roles("相談窓口の運営", "空き家情報と地域情報の提供"),
        budgets=_budgets(2400.0, 2300.0, 2300.0, None, None),
        kpis=(
            _kpi("移住相談件数", "件", core.Target(level, 500.0, 2026, "500件(R8)"),
                 "移住定住推進課", 320.0, {2022: 280.0, 2023: 310.0}),
            _kpi("相談を経た移住者数", "人", core.Target(level, 60.0, 2026, "60人(R8)"),
                 "移住定住推進課", 35.0, {2022: "pending"}),
        ),
    )
    economy = core.BasicGoal("圏域の経済を育てる（デモ）", (
        core.Measure("地域産品の販路拡大", (fair,), "地域資源を生かした産業振興"),
        core.Measure("担い手の確保", (farming,), "地域資源を生かした産業振興"),
    ))
    people = core.BasicGoal("圏域に人を呼び込む（デモ）", (
        core.Measure("移住の促進", (moving,), "移住・定住の促進"),
    ))
    return core.Strategy("【デモ用】圏域総合戦略（架空）", 2022, 2026, (economy, people),
                         PARTNERSHIP)
