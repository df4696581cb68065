#!/usr/bin/env python3
"""Checks the campaign report's 95% intervals (docs/campaign-reports.md) independently of the C# code.

Usage: python3 scripts/lift-interval-check.py
Prints Newcombe's hybrid score interval and the log risk-ratio interval for the counts the tests use, then each method's
coverage by exact enumeration of both arms' binomial outcomes: how often the interval, when it is given, holds the true
value. The log interval is counted once as it was (given whenever no arm is 0 of n) and once as the report gives it
(also withheld when an arm is n of n). Needs numpy.
"""
import math
from statistics import NormalDist

import numpy as np

Z = NormalDist().inv_cdf(0.975)


def wilson(x, n):
    p, z2 = x / n, Z * Z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = Z / (1 + z2 / n) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def newcombe(x1, n1, x2, n2):
    (p1, p2), (l1, u1), (l2, u2) = (x1 / n1, x2 / n2), wilson(x1, n1), wilson(x2, n2)
    return p1 - p2, p1 - p2 - math.hypot(p1 - l1, u2 - p2), p1 - p2 + math.hypot(u1 - p1, p2 - l2)


def log_ratio(x1, n1, x2, n2, withhold_all):
    if x1 == 0 or x2 == 0 or (withhold_all and (x1 == n1 or x2 == n2)):
        return None
    ratio, se = (x1 / n1) / (x2 / n2), math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2)
    return ratio, ratio * math.exp(-Z * se), ratio * math.exp(Z * se)


def binomial(n, p):
    k = np.arange(n + 1)
    log_comb = np.array([math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1) for i in k])
    return np.exp(log_comb + k * math.log(p) + (n - k) * math.log1p(-p))


def coverage(p1, n1, p2, n2):
    weights = np.outer(binomial(n1, p1), binomial(n2, p2))
    held = {"newcombe": [0.0, 0.0], "log as it was": [0.0, 0.0], "log as reported": [0.0, 0.0]}
    for x1 in range(n1 + 1):
        for x2 in range(n2 + 1):
            w = weights[x1, x2]
            _, low, high = newcombe(x1, n1, x2, n2)
            held["newcombe"][0] += w
            held["newcombe"][1] += w * (low <= p1 - p2 <= high)
            for name, withhold in (("log as it was", False), ("log as reported", True)):
                if (interval := log_ratio(x1, n1, x2, n2, withhold)) is not None:
                    held[name][0] += w
                    held[name][1] += w * (interval[1] <= p1 / p2 <= interval[2])
    return {name: (hit / given if given else float("nan"), given) for name, (given, hit) in held.items()}


print(f"z = {Z:.9f}")
for counts in [(5, 7, 1, 4), (2, 7, 1, 4), (56, 70, 48, 80), (9, 10, 3, 10), (2, 4, 1, 1), (50, 100, 1, 1), (49, 50, 7, 7),
               (30_000_000, 100_000_000, 1_400_000, 5_000_000)]:
    ratio = log_ratio(*counts, withhold_all=False)
    print(f"{counts}: difference {' '.join(f'{v:.6g}' for v in newcombe(*counts))}; "
          f"ratio {'none' if ratio is None else ' '.join(f'{v:.6g}' for v in ratio)}"
          f"{' (withheld by the report)' if ratio and log_ratio(*counts, withhold_all=True) is None else ''}")
print("coverage of the true value, when given (share of campaigns given one)")
for p1, n1, p2, n2 in [(0.5, 100, 0.5, 1), (0.5, 100, 0.5, 2), (0.9, 200, 0.9, 10), (0.3, 100, 0.3, 5), (0.3, 100, 0.25, 20),
                       (0.3, 1000, 0.25, 50), (0.05, 2000, 0.04, 100)]:
    result = coverage(p1, n1, p2, n2)
    print(f"  {p1} of {n1} against {p2} of {n2}: " + "; ".join(f"{name} {cov:.3f} ({given:.2f})" if given else f"{name} never given" for name, (cov, given) in result.items()))
