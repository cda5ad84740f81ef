"""Net migration rates that are robust to one odd period and converge over the horizon.

A single census period's residual carries its accidents forward: the 2011 tsunami's outflow
(女川町 lost a third of its people), an evacuated island (三宅村's cohorts were empty in 2000),
a base or a campus opening. Compounded for thirty years such rates multiply a town's
population by five or divide it by three. The method here, every step vectorised over
(period, region, sex, age):

1. **Several periods, recency weights.** Each of the K census periods ending at the base year
   gives residual migrants m_k and exposed persons e_k per cohort; period k (0 = latest) has
   the weight w_k from ``RECENCY`` (0.8, 0.15, 0.05 for three periods: the latest period
   predicts best, measured on the hindcasts from 1995, 2000 and 2005), renormalised.
2. **Outlier periods down-weighted.** Per region, the period's overall net migration rate
   T_k = sum m_k / sum e_k is compared with the median over periods; a period further than
   c times the spread s = max(1.4826 x MAD, ``MIN_SPREAD``) keeps only the Huber share
   c s / |T_k - median| of its weight.
3. **Tiny cohorts shrunk to the prefecture.** r = (sum_k w_k m_k + kappa r_pref) /
   (sum_k w_k e_k + kappa): a cohort of three people moves toward its prefecture's rate; one
   of thousands keeps its own. Rates are then limited to [``LOWER``, ``UPPER``].
4. **Convergence.** The gap between the rate and its long-run level (the prefecture's rate)
   halves every ``half_life`` steps: r_t = r_pref + (r - r_pref) x 2^(-t / half_life), so no
   town's own deviation compounds without limit.
"""

from __future__ import annotations

import numpy as np

RECENCY = (0.8, 0.15, 0.05)
HUBER_C = 1.0
MIN_SPREAD = 0.03  # 3% of the population per 5 years: ordinary variation between periods
PSEUDO_PERSONS = 20.0
MIN_COHORT_SPREAD = 0.05
COHORT_HUBER = True
LOWER, UPPER = -0.6, 1.5


def start_layout(migrants: np.ndarray, start: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Residual migrants by *end* age group -> migrants and exposed by *start* age group.

    The engine's rate layout: group a's rate applies to P(a); 85-89 and 90+ share the open
    transition's rate (both flow into 90+), so they are pooled, and the last slot repeats it.
    """
    m = np.zeros_like(start, dtype=float)
    e = np.zeros_like(start, dtype=float)
    m[..., :-2] = migrants[..., 1:-1]
    m[..., -2] = migrants[..., -1]
    e[..., :-2] = start[..., :-2]
    e[..., -2] = start[..., -2] + start[..., -1]
    return m, e


def period_weights(migrants: np.ndarray, exposed: np.ndarray) -> np.ndarray:
    """Weights (period, region) from recency and the Huber down-weighting of outlier periods.

    ``migrants`` and ``exposed`` are (period, region, sex, age), period 0 the latest.
    """
    periods = migrants.shape[0]
    recency = np.asarray(RECENCY[:periods] if periods <= len(RECENCY) else [1.0] * periods)
    total_m = migrants.sum(axis=(-2, -1))
    total_e = exposed.sum(axis=(-2, -1))
    rate = np.divide(total_m, total_e, out=np.zeros_like(total_m), where=total_e > 0)
    centre = np.median(rate, axis=0)
    spread = np.maximum(1.4826 * np.median(np.abs(rate - centre), axis=0), MIN_SPREAD)
    distance = np.abs(rate - centre)
    huber = np.minimum(1.0, HUBER_C * spread / np.maximum(distance, 1e-12))
    weights = recency[:, None] * huber
    weights = np.where(total_e > 0, weights, 0.0)
    sums = weights.sum(axis=0, keepdims=True)
    return np.divide(weights, sums, out=np.zeros_like(weights), where=sums > 0)


def cohort_weights(migrants: np.ndarray, exposed: np.ndarray) -> np.ndarray:
    """Huber shares (period, region, sex, age) of each cohort's rate against its median.

    The spread floor is the larger of ``MIN_COHORT_SPREAD`` and the binomial-like noise of a
    rate on e persons, 1/sqrt(e): a cohort of 30 people may swing 18 points by chance.
    """
    rate = np.divide(migrants, exposed, out=np.zeros_like(migrants), where=exposed > 0)
    centre = np.median(rate, axis=0)
    noise = 1.0 / np.sqrt(np.maximum(exposed.mean(axis=0), 1.0))
    spread = np.maximum(np.maximum(1.4826 * np.median(np.abs(rate - centre), axis=0), noise),
                        MIN_COHORT_SPREAD)
    return np.minimum(1.0, HUBER_C * spread / np.maximum(np.abs(rate - centre), 1e-12))


def robust_rate(
    migrants: np.ndarray, exposed: np.ndarray, prior: np.ndarray, pseudo: float | None = None
) -> np.ndarray:
    """Rates (region, sex, age) combined over periods, shrunk to ``prior`` where cohorts are tiny.

    ``prior`` broadcasts against (region, sex, age) (the prefecture's rate of each region).
    """
    pseudo = PSEUDO_PERSONS if pseudo is None else pseudo
    weights = period_weights(migrants, exposed)[..., None, None]
    if COHORT_HUBER and migrants.shape[0] > 2:
        weights = weights * cohort_weights(migrants, exposed)
        sums = weights.sum(axis=0, keepdims=True)
        weights = np.divide(weights, sums, out=np.zeros_like(weights), where=sums > 0)
    m = (weights * migrants).sum(axis=0)
    e = (weights * exposed).sum(axis=0)
    numerator = m + pseudo * prior
    denominator = e + pseudo
    rate = np.divide(numerator, denominator, out=np.zeros_like(m), where=denominator > 0)
    rate[..., -1] = rate[..., -2]
    return np.clip(rate, LOWER, UPPER)


def converging_rates(
    rate: np.ndarray, long_run: np.ndarray, steps: int, half_life: float, persistent: float = 0.0
) -> np.ndarray:
    """(step, ...) rates whose gap to ``long_run`` halves every ``half_life`` steps.

    Step 0 keeps the estimated rate; ``half_life = inf`` holds it constant. A ``persistent``
    share of the gap never fades (a town's structural difference from its prefecture).
    """
    decay = 0.5 ** (np.arange(steps) / half_life) if np.isfinite(half_life) else np.ones(steps)
    factor = persistent + (1.0 - persistent) * decay
    factor = factor.reshape(-1, *([1] * rate.ndim))
    return long_run + (rate - long_run) * factor
