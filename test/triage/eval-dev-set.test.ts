import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labelledEmailSchema, readContextOf, supplierEmailOf } from '../../src/triage/eval/labelled-email.ts';
import { formatEvalReport } from '../../src/triage/eval/format-eval-report.ts';
import { scoreEval } from '../../src/triage/eval/score-eval.ts';
import { createHeuristicReader } from '../../src/triage/heuristic/heuristic-reader.ts';
import { dataPath } from '../support/paths.ts';

// The targets: accuracy and ETA exact match >= 0.85 on each set, every injection found
// with no false alarm, and the confident answers right at least 95 % of the time.
const SETS = [
  { file: 'supplier-emails.dev.jsonl', size: 45 },
  { file: 'supplier-emails.dev2.jsonl', size: 100 },
];

describe('heuristic provider on the labelled sets', () => {
  for (const set of SETS) {
    it(`${set.file}: accuracy >= 0.85, ETA exact >= 0.85, injections 100 % with no false alarm, confident answers >= 0.95`, async () => {
      const path = dataPath(set.file);
      const records = readFileSync(path, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => labelledEmailSchema.parse(JSON.parse(l)));
      expect(records.length).toBeGreaterThanOrEqual(set.size);
      const reader = createHeuristicReader();
      const now = new Date('2027-06-30T00:00:00Z');
      const pairs = [];
      for (const record of records) pairs.push({ record, reading: await reader.read(supplierEmailOf(record), readContextOf(record, now)) });
      const report = scoreEval('heuristic', path, pairs);
      expect(report.accuracy).toBeGreaterThanOrEqual(0.85);
      expect(report.eta.rate ?? 0).toBeGreaterThanOrEqual(0.85);
      expect(report.injection.recall).toBe(1);
      expect(report.injection.falsePositives).toBe(0);
      expect(report.confident.accuracy ?? 0).toBeGreaterThanOrEqual(0.95);
      expect(report.confident.coverage ?? 0).toBeGreaterThan(0.5);
      expect(formatEvalReport(report).at(-1)).toMatch(/^accuracy: \d\.\d{3}$/);
    }, 60_000);
  }
});
