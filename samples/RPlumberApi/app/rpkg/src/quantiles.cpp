// Order statistics: quantiles (R type 7), median, IQR and median absolute deviation.
#include "plumberstats.h"

using namespace Rcpp;

// [[Rcpp::export]]
NumericVector quantiles_cpp(NumericVector x, NumericVector probs) {
    std::vector<double> v = plumberstats::finite_values(x);
    std::sort(v.begin(), v.end());
    NumericVector out(probs.size());
    CharacterVector names(probs.size());
    for (R_xlen_t i = 0; i < probs.size(); ++i) {
        const double p = probs[i];
        if (!R_finite(p) || p < 0.0 || p > 1.0) stop("probabilities must be in [0, 1]");
        out[i] = plumberstats::sorted_quantile(v, p);
        char label[32];
        snprintf(label, sizeof label, "p%g", p * 100.0);
        names[i] = label;
    }
    out.attr("names") = names;
    return out;
}

// [[Rcpp::export]]
List robust_cpp(NumericVector x) {
    std::vector<double> v = plumberstats::finite_values(x);
    std::sort(v.begin(), v.end());
    const double med = plumberstats::sorted_quantile(v, 0.5);
    const double q1 = plumberstats::sorted_quantile(v, 0.25);
    const double q3 = plumberstats::sorted_quantile(v, 0.75);

    std::vector<double> dev(v.size());
    std::transform(v.begin(), v.end(), dev.begin(), [med](double xi) { return std::fabs(xi - med); });
    std::sort(dev.begin(), dev.end());
    // Scaled by 1.4826 so it estimates sigma for normal data, like stats::mad().
    const double mad = v.empty() ? NA_REAL : 1.4826 * plumberstats::sorted_quantile(dev, 0.5);

    return List::create(
        _["median"] = med,
        _["q1"] = q1,
        _["q3"] = q3,
        _["iqr"] = v.empty() ? NA_REAL : q3 - q1,
        _["mad"] = mad);
}
