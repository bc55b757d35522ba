"""The M/M/c queue (Erlang C) behind the CAP- rules.

Arrivals at rate λ per minute, c windows each serving in a mean of s minutes,
offered load a = λ·s Erlangs.  With ρ = a/c < 1:
  Erlang B by the stable recursion B(0) = 1, B(k) = a·B(k-1) / (k + a·B(k-1));
  C(c, a) = c·B / (c - a·(1 - B))       (probability of waiting);
  Wq = C·s / (c - a)                     (mean wait, minutes);
  P(Nq > k) = C·ρ^(k+1)                  (number waiting).
"""

from __future__ import annotations

import math


def erlang_c(c: int, a: float) -> float:
    if c <= 0:
        return 1.0
    if a <= 0:
        return 0.0
    if a >= c:
        return 1.0
    if c > _RECURSION_LIMIT:
        b = _erlang_b_poisson(c, a)
    else:
        b = 1.0
        for k in range(1, c + 1):
            b = a * b / (k + a * b)
    return c * b / (c - a * (1 - b))


_RECURSION_LIMIT = 10_000  # past this many windows the O(c) recursion gives way to Poisson's closed form


def _erlang_b_poisson(c: int, a: float) -> float:
    """Erlang B as P(X = c) / P(X <= c) for X ~ Poisson(a): constant time for any c (a drawing may
    claim a billion window positions; the recursion would loop for minutes)."""
    from scipy.stats import poisson

    cdf = float(poisson.cdf(c, a))
    return float(poisson.pmf(c, a)) / cdf if cdf > 0 else 1.0


def mean_wait(c: int, a: float, service_min: float) -> float:
    """Mean minutes in the queue; infinite when the windows cannot keep up."""
    if a >= c:
        return math.inf
    return erlang_c(c, a) * service_min / (c - a)


def windows_needed(a: float, service_min: float, target_wait_min: float, max_c: int = 500) -> int:
    """The smallest c whose mean wait is at most the target."""
    c = max(1, math.floor(a) + 1)
    while c < max_c and mean_wait(c, a, service_min) > target_wait_min:
        c += 1
    return c


def waiting_percentile(c: int, a: float, q: float = 0.95) -> float:
    """The q-quantile of the number waiting (not being served); infinite if unstable."""
    if a >= c:
        return math.inf
    pc = erlang_c(c, a)
    if pc <= 1 - q:
        return 0
    rho = a / c
    # smallest k with C·ρ^(k+1) <= 1 - q
    return max(0, math.ceil(math.log((1 - q) / pc) / math.log(rho) - 1))


def load(visits_per_day: int, peak_factor: float, open_minutes: int, service_min: float) -> float:
    """Offered load in Erlangs at the peak."""
    rate = visits_per_day * peak_factor / max(open_minutes, 1)
    return rate * service_min
