// Summary statistics with the definitions of the R package in the flagship sample.

/** Parses "1, 2,3.5" into numbers; throws on anything that is not a finite number. */
export function parseSeries(text) {
  const fields = text.split(/[,\s]+/).filter((field) => field !== "");
  if (fields.length === 0) {
    throw new Error("enter at least one number");
  }
  return fields.map((field) => {
    const value = Number(field);
    if (!Number.isFinite(value)) {
      throw new Error(`"${field}" is not a number`);
    }
    return value;
  });
}

/** Quantile of sorted values, R's type 7 (linear interpolation between order statistics). */
export function quantile(sorted, p) {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** n, mean, sample sd, min, quartiles, max and IQR of a series. */
export function describe(values) {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((sum, x) => sum + x, 0) / n;
  const variance = n > 1 ? values.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1) : NaN;
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  return {
    n,
    mean,
    sd: Math.sqrt(variance),
    min: sorted[0],
    q1,
    median: quantile(sorted, 0.5),
    q3,
    max: sorted[n - 1],
    iqr: q3 - q1,
  };
}
