// Pearson and Spearman correlation of paired observations.
#include "plumberstats.h"
#include <numeric>

using namespace Rcpp;

namespace {

// Average ranks (1-based), ties get the mean of the ranks they span.
std::vector<double> average_ranks(const std::vector<double>& v) {
    const std::size_t n = v.size();
    std::vector<std::size_t> idx(n);
    std::iota(idx.begin(), idx.end(), 0);
    std::sort(idx.begin(), idx.end(), [&v](std::size_t a, std::size_t b) { return v[a] < v[b]; });
    std::vector<double> ranks(n);
    std::size_t i = 0;
    while (i < n) {
        std::size_t j = i;
        while (j + 1 < n && v[idx[j + 1]] == v[idx[i]]) ++j;
        const double rank = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
        for (std::size_t k = i; k <= j; ++k) ranks[idx[k]] = rank;
        i = j + 1;
    }
    return ranks;
}

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
    const std::size_t n = a.size();
    if (n < 2) return NA_REAL;
    double ma = 0.0, mb = 0.0, caa = 0.0, cbb = 0.0, cab = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double k = static_cast<double>(i + 1);
        const double da = a[i] - ma;
        const double db = b[i] - mb;
        ma += da / k;
        mb += db / k;
        caa += da * (a[i] - ma);
        cbb += db * (b[i] - mb);
        cab += da * (b[i] - mb);
    }
    if (caa <= 0.0 || cbb <= 0.0) return NA_REAL;
    return cab / std::sqrt(caa * cbb);
}

}  // namespace

// [[Rcpp::export]]
List correlation_cpp(NumericVector x, NumericVector y) {
    if (x.size() != y.size()) stop("x and y must have the same length");
    std::vector<double> a, b;
    for (R_xlen_t i = 0; i < x.size(); ++i) {
        if (R_finite(x[i]) && R_finite(y[i])) {  // pairwise-complete observations
            a.push_back(x[i]);
            b.push_back(y[i]);
        }
    }
    const double r = pearson(a, b);
    const double rho = a.size() < 2 ? NA_REAL : pearson(average_ranks(a), average_ranks(b));
    const double nd = static_cast<double>(a.size());
    // t statistic for H0: r == 0 with n-2 degrees of freedom.
    const double t = (a.size() > 2 && R_finite(r) && std::fabs(r) < 1.0)
        ? r * std::sqrt((nd - 2.0) / (1.0 - r * r)) : NA_REAL;
    const double p = R_finite(t) ? 2.0 * R::pt(-std::fabs(t), nd - 2.0, 1, 0) : NA_REAL;
    return List::create(
        _["n"] = static_cast<int>(a.size()),
        _["pearson"] = r,
        _["spearman"] = rho,
        _["t"] = t,
        _["p_value"] = p);
}
