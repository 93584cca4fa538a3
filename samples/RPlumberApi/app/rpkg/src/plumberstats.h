// Shared helpers for the plumberstats translation units.
#ifndef PLUMBERSTATS_H
#define PLUMBERSTATS_H

#include <Rcpp.h>
#include <algorithm>
#include <cmath>
#include <vector>

namespace plumberstats {

// Copies the finite (non-NA, non-NaN, non-Inf) values of x.
inline std::vector<double> finite_values(const Rcpp::NumericVector& x) {
    std::vector<double> out;
    out.reserve(x.size());
    for (R_xlen_t i = 0; i < x.size(); ++i) {
        if (R_finite(x[i])) out.push_back(x[i]);
    }
    return out;
}

// Sample quantile of already-sorted data using R's default (type 7) definition.
inline double sorted_quantile(const std::vector<double>& sorted, double p) {
    const std::size_t n = sorted.size();
    if (n == 0) return NA_REAL;
    if (n == 1) return sorted[0];
    const double h = (static_cast<double>(n) - 1.0) * p;
    const std::size_t lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, n - 1);
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

// Mean and unbiased variance via Welford's one-pass algorithm.
struct MeanVar {
    double mean;
    double var;
    std::size_t n;
};

inline MeanVar welford(const std::vector<double>& v) {
    MeanVar r = {0.0, 0.0, 0};
    double m2 = 0.0;
    for (double x : v) {
        ++r.n;
        const double delta = x - r.mean;
        r.mean += delta / static_cast<double>(r.n);
        m2 += delta * (x - r.mean);
    }
    if (r.n == 0) { r.mean = NA_REAL; r.var = NA_REAL; }
    else r.var = r.n > 1 ? m2 / static_cast<double>(r.n - 1) : NA_REAL;
    return r;
}

}  // namespace plumberstats

#endif
