/** Shared formatting of benchmark output, so every bench prints figure, target and baseline alike. */

export const ms = (n: number): string => `${n.toFixed(1)} ms`;
export const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** Nearest-rank percentile of a list of samples (NaN for an empty list). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** One aligned line: what was measured, the figure, its target, and the same-run baseline. */
export function row(label: string, value: string, target: string, baseline = ''): void {
  console.log(`${label.padEnd(46)} ${value.padStart(12)}   target ${target.padEnd(10)} ${baseline}`);
}
