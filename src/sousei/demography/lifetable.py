"""Period life tables from single-year death rates, and the 5-year survival ratios they imply.

IPSS and the Cabinet Office worksheet project with survival ratios 5Lx+5 / 5Lx on the 5-year
grid; those come from a life table. We build it from central death rates m(x) (HMD layout:
single ages 0..109 and an open 110+) so any period's table can be made from the same data.
"""

from __future__ import annotations

import numpy as np

from sousei.demography.ages import AGE_STEP, N_AGES, OPEN_AGE


def _a0(m0: np.ndarray, female: np.ndarray) -> np.ndarray:
    """Average years lived in the first year by those dying in it (Andreev-Kingkade 2015).

    HMD uses this rule; a flat 0.5 would overstate infant person-years where most infant deaths
    happen in the first weeks.
    """
    male_a0 = np.where(
        m0 < 0.02300,
        0.14929 - 1.99545 * m0,
        np.where(m0 < 0.08307, 0.02832 + 3.26201 * m0, 0.29915),
    )
    female_a0 = np.where(
        m0 < 0.01724,
        0.14903 - 2.05527 * m0,
        np.where(m0 < 0.06891, 0.04667 + 3.88089 * m0, 0.31411),
    )
    return np.where(female, female_a0, male_a0)


def life_table(mx: np.ndarray, female: np.ndarray | bool) -> dict[str, np.ndarray]:
    """lx, dx, Lx and Tx (radix 1) from m(x) on single ages, the last age open-ended.

    ``mx`` has the age on its last axis; ``female`` broadcasts against the leading axes and picks
    the sex-specific a0. Vectorised over every leading axis (years, sexes, regions).
    """
    mx = np.asarray(mx, dtype=float)
    female = np.broadcast_to(np.asarray(female, dtype=bool), mx.shape[:-1])
    ax = np.full(mx.shape, 0.5)
    ax[..., 0] = _a0(mx[..., 0], female)
    qx = mx / (1.0 + (1.0 - ax) * mx)
    qx[..., -1] = 1.0
    qx = np.clip(qx, 0.0, 1.0)
    survive = np.cumprod(1.0 - qx, axis=-1)
    lx = np.concatenate([np.ones((*mx.shape[:-1], 1)), survive[..., :-1]], axis=-1)
    dx = lx * qx
    Lx = lx - (1.0 - ax) * dx
    with np.errstate(divide="ignore", invalid="ignore"):
        open_L = np.where(mx[..., -1] > 0, lx[..., -1] / mx[..., -1], 0.0)
    Lx[..., -1] = open_L
    Tx = np.cumsum(Lx[..., ::-1], axis=-1)[..., ::-1]
    return {"lx": lx, "dx": dx, "qx": qx, "Lx": Lx, "Tx": Tx}


def survival_ratios_5y(
    Lx: np.ndarray, lx0: np.ndarray | float = 1.0
) -> tuple[np.ndarray, np.ndarray]:
    """5-year survival ratios on the projection grid, and births -> 0-4 survival.

    Returns ``(survival_ratio, birth_survival)``: ``survival_ratio[..., a]`` is the share of the
    group starting at age group ``a`` alive five years later (85-89 -> 90-94 uses 5L90/5L85;
    the open 90+ uses T95/T90), and ``birth_survival`` = 5L0 / (5 l0), the share of the births
    of a five-year period alive at its end, aged 0-4.
    """
    Lx = np.asarray(Lx, dtype=float)
    groups = np.minimum(np.arange(Lx.shape[-1]) // AGE_STEP, N_AGES + 1)
    # 5Lx for 0-4 ... 90-94, then everything at 95+ in one bin: enough for T95/T90.
    L5 = np.zeros((*Lx.shape[:-1], N_AGES + 1))
    np.add.at(L5, (..., np.minimum(groups, N_AGES)), Lx)
    T90 = L5[..., N_AGES - 1] + L5[..., N_AGES]
    T95 = L5[..., N_AGES]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.empty((*Lx.shape[:-1], N_AGES))
        ratio[..., : N_AGES - 1] = L5[..., 1:N_AGES] / L5[..., : N_AGES - 1]
        ratio[..., N_AGES - 1] = T95 / T90
    ratio = np.nan_to_num(ratio, nan=0.0, posinf=0.0)
    birth = L5[..., 0] / (AGE_STEP * np.asarray(lx0, dtype=float))
    return np.clip(ratio, 0.0, 1.0), np.clip(birth, 0.0, 1.0)


def survival_from_death_rates(
    mx: np.ndarray, female: np.ndarray | bool
) -> tuple[np.ndarray, np.ndarray]:
    """Survival ratios on the grid straight from single-year m(x)."""
    table = life_table(mx, female)
    return survival_ratios_5y(table["Lx"], table["lx"][..., 0])


assert OPEN_AGE == 90  # the open-group rule above is written for 90+
