// Number formatting for the results table.

/** Up to six significant digits; "n/a" for NaN (a one-value series has no sd). */
export function formatNumber(value) {
  if (Number.isNaN(value)) {
    return "n/a";
  }
  return Number.isInteger(value) ? String(value) : value.toPrecision(6).replace(/\.?0+$/, "");
}
