// Outlier detection by Tukey fences (IQR rule) and by robust z-scores.
#include "plumberstats.h"

using namespace Rcpp;

// Returns the 1-based positions in x flagged by each method.
// [[Rcpp::export]]
List outliers_cpp(NumericVector x, double k, double z_threshold) {
    if (!(k > 0.0)) stop("k must be positive");
    if (!(z_threshold > 0.0)) stop("z_threshold must be positive");
    std::vector<double> v = plumberstats::finite_values(x);
    std::sort(v.begin(), v.end());
    const double q1 = plumberstats::sorted_quantile(v, 0.25);
    const double q3 = plumberstats::sorted_quantile(v, 0.75);
    const double med = plumberstats::sorted_quantile(v, 0.5);
    const double lower = q1 - k * (q3 - q1);
    const double upper = q3 + k * (q3 - q1);

    std::vector<double> dev(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) dev[i] = std::fabs(v[i] - med);
    std::sort(dev.begin(), dev.end());
    const double mad = 1.4826 * plumberstats::sorted_quantile(dev, 0.5);

    std::vector<int> tukey, robust;
    NumericVector z(x.size(), NA_REAL);
    for (R_xlen_t i = 0; i < x.size(); ++i) {
        if (!R_finite(x[i])) continue;
        if (x[i] < lower || x[i] > upper) tukey.push_back(static_cast<int>(i + 1));
        if (mad > 0.0) {
            z[i] = (x[i] - med) / mad;
            if (std::fabs(z[i]) > z_threshold) robust.push_back(static_cast<int>(i + 1));
        }
    }
    return List::create(
        _["lower_fence"] = v.empty() ? NA_REAL : lower,
        _["upper_fence"] = v.empty() ? NA_REAL : upper,
        _["tukey"] = IntegerVector(tukey.begin(), tukey.end()),
        _["robust_z"] = z,
        _["robust"] = IntegerVector(robust.begin(), robust.end()));
}
