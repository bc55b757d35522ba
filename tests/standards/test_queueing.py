"""The M/M/c queue against values computed by hand."""

import math

import pytest

from bianmin.standards.queueing import erlang_c, load, mean_wait, waiting_percentile, windows_needed


def test_mm1_is_rho():
    assert erlang_c(1, 0.5) == pytest.approx(0.5)
    assert mean_wait(1, 0.5, 10) == pytest.approx(10.0)  # s·ρ/(1-ρ)


def test_two_servers_by_hand():
    # C(2, 1) = (1/2 · 2/(2-1)) / (1 + 1 + 1) = 1/3 ; Wq = C·s/(c-a) = 10/3
    assert erlang_c(2, 1.0) == pytest.approx(1 / 3)
    assert mean_wait(2, 1.0, 10) == pytest.approx(10 / 3)


def test_textbook_value():
    # C(5, 4) = 0.5541 (Erlang C tables)
    assert erlang_c(5, 4.0) == pytest.approx(0.5541, abs=1e-4)


def test_unstable_queue():
    assert math.isinf(mean_wait(3, 3.0, 10))
    assert math.isinf(waiting_percentile(3, 3.5))


def test_template_figures():
    # 120 visits, x1.5, 7 h, 10 min: 120·1.5/420·10 = 4.2857 Erlangs
    a = load(120, 1.5, 420, 10)
    assert a == pytest.approx(4.2857, abs=1e-4)
    # the direct formula, C = (a^c/c!·c/(c-a)) / (Σ_{k<c} a^k/k! + a^c/c!·c/(c-a)), gives
    # C(5, a) = 0.66944 and Wq = 9.37 min; C(6, a) = 0.35938 and Wq = 2.10 min
    assert erlang_c(5, a) == pytest.approx(0.669441, abs=1e-6)
    assert mean_wait(5, a, 10) == pytest.approx(9.3722, abs=1e-3)
    assert erlang_c(6, a) == pytest.approx(0.359377, abs=1e-6)
    assert windows_needed(a, 10, 15) == 5
    assert windows_needed(a, 10, 5) == 6
    # P(Nq > k) = C·ρ^(k+1); with C(6, a) and ρ = a/6, the 95th percentile is 5
    c = erlang_c(6, a)
    rho = a / 6
    k = waiting_percentile(6, a)
    assert c * rho ** (k + 1) <= 0.05 < c * rho**k
    assert k == 5


def test_erlang_c_for_a_billion_windows_is_immediate_and_agrees_with_the_recursion():
    """Regression (issue 16): SEATS=1e9 looped in erlang_c for over two minutes."""
    import time

    from bianmin.standards import queueing

    start = time.perf_counter()
    assert queueing.erlang_c(10**9, 4.2857) == pytest.approx(0.0, abs=1e-12)
    assert queueing.erlang_c(10**15, 10**15 - 10**7) <= 1.0
    assert time.perf_counter() - start < 5
    # just past the recursion limit both ways of computing Erlang B agree
    c, a = queueing._RECURSION_LIMIT + 1, 9900.0
    b = 1.0
    for k in range(1, c + 1):
        b = a * b / (k + a * b)
    assert queueing._erlang_b_poisson(c, a) == pytest.approx(b, rel=1e-6)
