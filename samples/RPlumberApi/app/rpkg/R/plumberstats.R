# User-facing wrappers around the compiled routines in src/.
# Each validates its input in R and delegates the numeric work to C++.

#' Parse a comma-separated string (or a numeric vector) into doubles.
#' Empty fields and "NA" become NA; anything else non-numeric is an error.
parse_numeric <- function(x) {
  if (is.numeric(x)) return(as.double(x))
  if (length(x) == 0L || all(!nzchar(trimws(as.character(x))))) {
    stop("no values supplied", call. = FALSE)
  }
  fields <- trimws(unlist(strsplit(as.character(x), ",", fixed = TRUE)))
  fields[fields == "" | toupper(fields) == "NA"] <- NA_character_
  values <- suppressWarnings(as.double(fields))
  bad <- !is.na(fields) & is.na(values)
  if (any(bad)) {
    stop("not a number: ", paste(utils::head(fields[bad], 3L), collapse = ", "), call. = FALSE)
  }
  values
}

stats_describe <- function(x) {
  c(describe_cpp(parse_numeric(x)), robust_cpp(parse_numeric(x)))
}

stats_quantiles <- function(x, probs = c(0, 0.05, 0.25, 0.5, 0.75, 0.95, 1)) {
  as.list(quantiles_cpp(parse_numeric(x), parse_numeric(probs)))
}

stats_rolling <- function(x, window = 3L, alpha = 0.3) {
  x <- parse_numeric(x)
  if (anyNA(x)) stop("rolling statistics need a series without missing values", call. = FALSE)
  window <- as.integer(window)
  if (is.na(window) || window < 1L || window > length(x)) {
    stop("window must be between 1 and length(x)", call. = FALSE)
  }
  ext <- rolling_extremes_cpp(x, window)
  list(
    window = window,
    mean = rolling_mean_cpp(x, window),
    sd = if (window >= 2L) rolling_sd_cpp(x, window) else rep(NA_real_, length(x)),
    min = ext$min,
    max = ext$max,
    ewma = ewma_cpp(x, as.double(alpha))
  )
}

stats_correlation <- function(x, y) {
  correlation_cpp(parse_numeric(x), parse_numeric(y))
}

stats_regression <- function(x, y) {
  linear_fit_cpp(parse_numeric(x), parse_numeric(y))
}

stats_histogram <- function(x, bins = 0L) {
  histogram_cpp(parse_numeric(x), as.integer(bins))
}

stats_outliers <- function(x, k = 1.5, z = 3.5) {
  outliers_cpp(parse_numeric(x), as.double(k), as.double(z))
}
