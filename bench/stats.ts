import { performance } from 'node:perf_hooks';

/** Quantile of sorted samples (nearest rank). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  mean: number;
}

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
  };
}

/** Runs `work` `times` times one after another; returns each duration in milliseconds. */
export async function timeEach(times: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

export function row(label: string, s: Summary, baseline?: Summary): string {
  const factor = baseline ? s.p50 / baseline.p50 : NaN;
  const ratio = baseline ? `  ×${factor >= 1 ? factor.toFixed(1) : factor.toPrecision(2)} p50 vs baseline` : '';
  return `${label.padEnd(48)} n=${String(s.n).padStart(5)}  p50=${s.p50.toFixed(2).padStart(8)} ms  p99=${s.p99.toFixed(2).padStart(8)} ms${ratio}`;
}
