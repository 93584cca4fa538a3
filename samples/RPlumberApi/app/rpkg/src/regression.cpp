// Ordinary least squares fit of y = intercept + slope * x.
#include "plumberstats.h"

using namespace Rcpp;

// [[Rcpp::export]]
List linear_fit_cpp(NumericVector x, NumericVector y) {
    if (x.size() != y.size()) stop("x and y must have the same length");
    std::vector<double> a, b;
    for (R_xlen_t i = 0; i < x.size(); ++i) {
        if (R_finite(x[i]) && R_finite(y[i])) {
            a.push_back(x[i]);
            b.push_back(y[i]);
        }
    }
    const std::size_t n = a.size();
    if (n < 2) stop("need at least two complete (x, y) pairs");
    const double nd = static_cast<double>(n);

    double mx = 0.0, my = 0.0;
    for (std::size_t i = 0; i < n; ++i) { mx += a[i]; my += b[i]; }
    mx /= nd;
    my /= nd;
    double sxx = 0.0, sxy = 0.0, syy = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double dx = a[i] - mx, dy = b[i] - my;
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
    }
    if (sxx == 0.0) stop("x has zero variance; slope is undefined");

    const double slope = sxy / sxx;
    const double intercept = my - slope * mx;
    double sse = 0.0;
    NumericVector residuals(n);
    for (std::size_t i = 0; i < n; ++i) {
        residuals[i] = b[i] - (intercept + slope * a[i]);
        sse += residuals[i] * residuals[i];
    }
    const double df = nd - 2.0;
    const double sigma = df > 0 ? std::sqrt(sse / df) : NA_REAL;
    const double se_slope = df > 0 ? sigma / std::sqrt(sxx) : NA_REAL;
    const double se_intercept = df > 0 ? sigma * std::sqrt(1.0 / nd + mx * mx / sxx) : NA_REAL;
    const double t_slope = (df > 0 && se_slope > 0) ? slope / se_slope : NA_REAL;
    const double p_slope = R_finite(t_slope) ? 2.0 * R::pt(-std::fabs(t_slope), df, 1, 0) : NA_REAL;

    return List::create(
        _["n"] = static_cast<int>(n),
        _["intercept"] = intercept,
        _["slope"] = slope,
        _["r_squared"] = syy > 0 ? 1.0 - sse / syy : NA_REAL,
        _["sigma"] = sigma,
        _["se_intercept"] = se_intercept,
        _["se_slope"] = se_slope,
        _["t_slope"] = t_slope,
        _["p_slope"] = p_slope,
        _["residuals"] = residuals);
}
