// Equal-width histogram with Sturges' rule as the default number of bins.
#include "plumberstats.h"

using namespace Rcpp;

// bins <= 0 selects Sturges' rule: ceil(log2(n)) + 1.
// [[Rcpp::export]]
List histogram_cpp(NumericVector x, int bins) {
    const std::vector<double> v = plumberstats::finite_values(x);
    const std::size_t n = v.size();
    if (n == 0) stop("no finite values to bin");
    if (bins <= 0) bins = static_cast<int>(std::ceil(std::log2(static_cast<double>(n)))) + 1;
    if (bins > 10000) stop("too many bins (max 10000)");

    const auto mm = std::minmax_element(v.begin(), v.end());
    double lo = *mm.first, hi = *mm.second;
    if (lo == hi) { lo -= 0.5; hi += 0.5; }  // a single distinct value gets a unit-wide range
    const double width = (hi - lo) / bins;

    NumericVector breaks(bins + 1);
    for (int i = 0; i <= bins; ++i) breaks[i] = lo + i * width;
    breaks[bins] = hi;

    IntegerVector counts(bins);
    for (double xi : v) {
        int b = static_cast<int>((xi - lo) / width);
        if (b >= bins) b = bins - 1;  // right-closed last bin
        if (b < 0) b = 0;
        ++counts[b];
    }
    NumericVector density(bins);
    NumericVector mids(bins);
    for (int i = 0; i < bins; ++i) {
        density[i] = counts[i] / (static_cast<double>(n) * width);
        mids[i] = (breaks[i] + breaks[i + 1]) / 2.0;
    }
    return List::create(
        _["breaks"] = breaks,
        _["mids"] = mids,
        _["counts"] = counts,
        _["density"] = density);
}
