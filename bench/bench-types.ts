/** One measured figure of a benchmark; bench/run.ts prints them as a table and writes them as JSON. */
export interface BenchFigure {
  /** The benchmark, e.g. `webhook-intake`. */
  bench: string;
  /** What was measured, e.g. `requests/s` or `p99 latency`. */
  metric: string;
  value: number;
  unit: string;
  /** The conditions: concurrency, scale, duplicates, ... */
  params?: Record<string, string | number | boolean>;
}

/** A benchmark module exports `run` and bench/run.ts finds it by file name (`*.bench.ts`). */
export type BenchRun = () => Promise<BenchFigure[]>;
