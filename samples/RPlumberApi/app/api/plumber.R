# R Plumber API of the DockerDsl sample image.
# Every numeric endpoint delegates to the compiled C++ code of the local
# package 'plumberstats' (../rpkg), installed into the image's /opt/rlib.

library(plumberstats)

# Runs `expr`; input errors become HTTP 400 with {"error": "..."}.
handle <- function(res, expr) {
  tryCatch(expr, error = function(e) {
    res$status <- 400L
    list(error = jsonlite::unbox(conditionMessage(e)))
  })
}

#* @apiTitle plumberstats API
#* @apiDescription Summary statistics computed by compiled C++ (Rcpp).

#* Liveness probe used by the image's HEALTHCHECK.
#* @get /health
#* @serializer unboxedJSON list(na = "null", digits = I(10))
function() {
  list(status = "ok")
}

#* Package and runtime versions.
#* @get /version
#* @serializer unboxedJSON list(na = "null", digits = I(10))
function() {
  list(
    package = as.character(utils::packageVersion("plumberstats")),
    r = paste(R.version$major, R.version$minor, sep = "."),
    rcpp = as.character(utils::packageVersion("Rcpp")),
    plumber = as.character(utils::packageVersion("plumber"))
  )
}

#* Descriptive statistics (n, mean, sd, min, max, skewness, kurtosis, median, IQR, MAD).
#* @param x:str Comma-separated numbers, e.g. 1,2,3.5 (empty fields and NA count as missing)
#* @get /stats
#* @serializer unboxedJSON list(na = "null", digits = I(10))
function(x = "", res) {
  handle(res, stats_describe(x))
}

#* Sample quantiles (R type 7).
#* @param x:str Comma-separated numbers
#* @param probs:str Comma-separated probabilities in [0, 1]
#* @get /quantiles
#* @serializer unboxedJSON list(na = "null", digits = I(10))
function(x = "", probs = "0,0.05,0.25,0.5,0.75,0.95,1", res) {
  handle(res, stats_quantiles(x, probs))
}

#* Trailing moving average, moving sd, moving min/max and EWMA of a series.
#* @param x:str Comma-separated series without missing values
#* @param window:int Window width (default 3)
#* @param alpha:dbl EWMA smoothing factor in (0, 1] (default 0.3)
#* @get /rolling
#* @serializer json list(na = "null", digits = I(10))
function(x = "", window = 3, alpha = 0.3, res) {
  handle(res, {
    r <- stats_rolling(x, as.integer(window), as.double(alpha))
    r$window <- jsonlite::unbox(r$window)
    r
  })
}

#* Pearson and Spearman correlation with a t-test p-value.
#* @param x:str Comma-separated numbers
#* @param y:str Comma-separated numbers, same length as x
#* @get /correlation
#* @serializer unboxedJSON list(na = "null", digits = I(10))
function(x = "", y = "", res) {
  handle(res, stats_correlation(x, y))
}

#* Least-squares line y = intercept + slope * x.
#* @param x:str Comma-separated numbers
#* @param y:str Comma-separated numbers, same length as x
#* @get /regression
#* @serializer json list(na = "null", digits = I(10))
function(x = "", y = "", res) {
  handle(res, {
    fit <- stats_regression(x, y)
    scalars <- setdiff(names(fit), "residuals")
    fit[scalars] <- lapply(fit[scalars], jsonlite::unbox)
    fit
  })
}

#* Equal-width histogram (Sturges' rule unless bins is given).
#* @param x:str Comma-separated numbers
#* @param bins:int Number of bins; 0 selects Sturges' rule
#* @get /histogram
#* @serializer json list(na = "null", digits = I(10))
function(x = "", bins = 0, res) {
  handle(res, stats_histogram(x, as.integer(bins)))
}

#* Outliers by Tukey fences (k * IQR) and robust z-scores (median/MAD).
#* @param x:str Comma-separated numbers
#* @param k:dbl Fence multiplier (default 1.5)
#* @param z:dbl Robust z-score threshold (default 3.5)
#* @get /outliers
#* @serializer json list(na = "null", digits = I(10))
function(x = "", k = 1.5, z = 3.5, res) {
  handle(res, {
    o <- stats_outliers(x, as.double(k), as.double(z))
    o$lower_fence <- jsonlite::unbox(o$lower_fence)
    o$upper_fence <- jsonlite::unbox(o$upper_fence)
    o
  })
}
