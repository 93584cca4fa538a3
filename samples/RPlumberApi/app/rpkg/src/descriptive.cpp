// Descriptive statistics: count, sum, mean, sd, min/max and the shape moments.
#include "plumberstats.h"

using namespace Rcpp;

// One-pass descriptive statistics of the finite values of x.
// [[Rcpp::export]]
List describe_cpp(NumericVector x) {
    const std::vector<double> v = plumberstats::finite_values(x);
    const std::size_t n = v.size();
    const double nd = static_cast<double>(n);

    // Running central moments (Terriberry's extension of Welford) for skewness/kurtosis.
    double mean = 0.0, m2 = 0.0, m3 = 0.0, m4 = 0.0, sum = 0.0;
    double lo = R_PosInf, hi = R_NegInf;
    for (std::size_t i = 0; i < n; ++i) {
        const double xi = v[i];
        const double k = static_cast<double>(i + 1);
        const double delta = xi - mean;
        const double delta_n = delta / k;
        const double delta_n2 = delta_n * delta_n;
        const double term1 = delta * delta_n * (k - 1.0);
        mean += delta_n;
        m4 += term1 * delta_n2 * (k * k - 3.0 * k + 3.0) + 6.0 * delta_n2 * m2 - 4.0 * delta_n * m3;
        m3 += term1 * delta_n * (k - 2.0) - 3.0 * delta_n * m2;
        m2 += term1;
        sum += xi;
        lo = std::min(lo, xi);
        hi = std::max(hi, xi);
    }

    const double var = n > 1 ? m2 / (nd - 1.0) : NA_REAL;
    const double sd = n > 1 ? std::sqrt(var) : NA_REAL;
    // Population-moment skewness g1 and excess kurtosis g2 (as in e1071 type 1).
    const double skew = (n > 2 && m2 > 0.0) ? std::sqrt(nd) * m3 / std::pow(m2, 1.5) : NA_REAL;
    const double kurt = (n > 3 && m2 > 0.0) ? nd * m4 / (m2 * m2) - 3.0 : NA_REAL;

    return List::create(
        _["n"] = static_cast<int>(n),
        _["missing"] = static_cast<int>(x.size() - static_cast<R_xlen_t>(n)),
        _["sum"] = n ? sum : 0.0,
        _["mean"] = n ? mean : NA_REAL,
        _["variance"] = var,
        _["sd"] = sd,
        _["se_mean"] = n > 1 ? sd / std::sqrt(nd) : NA_REAL,
        _["min"] = n ? lo : NA_REAL,
        _["max"] = n ? hi : NA_REAL,
        _["range"] = n ? hi - lo : NA_REAL,
        _["skewness"] = skew,
        _["kurtosis"] = kurt);
}
