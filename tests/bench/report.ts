/** Nearest-rank percentile of a list of samples (0 for an empty list). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** One aligned line of bench output: what, the figure, and the target or baseline it compares to. */
export function printRow(label: string, figure: string, target: string): void {
  console.log(`  ${label.padEnd(44)} ${figure.padEnd(36)} ${target}`);
}
