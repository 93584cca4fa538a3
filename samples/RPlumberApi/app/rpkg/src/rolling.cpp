// Rolling-window statistics over a series: moving average, moving sd, EWMA.
#include "plumberstats.h"
#include <deque>

using namespace Rcpp;

// Trailing moving average of width `window`; the first window-1 entries are NA.
// [[Rcpp::export]]
NumericVector rolling_mean_cpp(NumericVector x, int window) {
    if (window < 1) stop("window must be >= 1");
    const R_xlen_t n = x.size();
    NumericVector out(n, NA_REAL);
    double sum = 0.0, comp = 0.0;  // Kahan-compensated running sum
    auto add = [&](double value) {
        const double y = value - comp;
        const double t = sum + y;
        comp = (t - sum) - y;
        sum = t;
    };
    for (R_xlen_t i = 0; i < n; ++i) {
        add(x[i]);
        if (i >= window) add(-x[i - window]);
        if (i >= window - 1) out[i] = sum / window;
    }
    return out;
}

// Trailing moving sample standard deviation using a windowed Welford update.
// [[Rcpp::export]]
NumericVector rolling_sd_cpp(NumericVector x, int window) {
    if (window < 2) stop("window must be >= 2 for a standard deviation");
    const R_xlen_t n = x.size();
    NumericVector out(n, NA_REAL);
    double mean = 0.0, m2 = 0.0;
    for (R_xlen_t i = 0; i < n; ++i) {
        const double xi = x[i];
        if (i < window) {
            const double delta = xi - mean;
            mean += delta / (i + 1);
            m2 += delta * (xi - mean);
        } else {
            const double old = x[i - window];
            const double old_mean = mean;
            mean += (xi - old) / window;
            m2 += (xi - old) * (xi - mean + old - old_mean);
        }
        if (i >= window - 1) out[i] = std::sqrt(std::max(0.0, m2 / (window - 1)));
    }
    return out;
}

// Exponentially weighted moving average with smoothing factor alpha in (0, 1].
// [[Rcpp::export]]
NumericVector ewma_cpp(NumericVector x, double alpha) {
    if (!(alpha > 0.0 && alpha <= 1.0)) stop("alpha must be in (0, 1]");
    NumericVector out(x.size());
    double level = NA_REAL;
    for (R_xlen_t i = 0; i < x.size(); ++i) {
        level = (i == 0) ? x[0] : alpha * x[i] + (1.0 - alpha) * level;
        out[i] = level;
    }
    return out;
}

// Trailing moving maximum and minimum using monotonic deques (O(n)).
// [[Rcpp::export]]
List rolling_extremes_cpp(NumericVector x, int window) {
    if (window < 1) stop("window must be >= 1");
    const R_xlen_t n = x.size();
    NumericVector mx(n, NA_REAL), mn(n, NA_REAL);
    std::deque<R_xlen_t> dmax, dmin;
    for (R_xlen_t i = 0; i < n; ++i) {
        while (!dmax.empty() && x[dmax.back()] <= x[i]) dmax.pop_back();
        while (!dmin.empty() && x[dmin.back()] >= x[i]) dmin.pop_back();
        dmax.push_back(i);
        dmin.push_back(i);
        if (dmax.front() <= i - window) dmax.pop_front();
        if (dmin.front() <= i - window) dmin.pop_front();
        if (i >= window - 1) {
            mx[i] = x[dmax.front()];
            mn[i] = x[dmin.front()];
        }
    }
    return List::create(_["max"] = mx, _["min"] = mn);
}
