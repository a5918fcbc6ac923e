import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labelledEmailSchema, readContextOf, supplierEmailOf } from '../../src/triage/eval/labelled-email.ts';
import { formatEvalReport } from '../../src/triage/eval/format-eval-report.ts';
import { scoreEval } from '../../src/triage/eval/score-eval.ts';
import { createHeuristicReader } from '../../src/triage/heuristic/heuristic-reader.ts';
import { dataPath } from '../support/paths.ts';

const DEV_SET = dataPath('supplier-emails.dev.jsonl');

describe('heuristic provider on the labelled dev set', () => {
  it('reaches accuracy >= 0.85 and ETA exact match >= 0.80, without false injection alarms', async () => {
    const records = readFileSync(DEV_SET, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => labelledEmailSchema.parse(JSON.parse(l)));
    expect(records.length).toBeGreaterThanOrEqual(45);
    const reader = createHeuristicReader();
    const now = new Date('2026-12-31T00:00:00Z');
    const pairs = [];
    for (const record of records) pairs.push({ record, reading: await reader.read(supplierEmailOf(record), readContextOf(record, now)) });
    const report = scoreEval('heuristic', DEV_SET, pairs);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(report.eta.rate ?? 0).toBeGreaterThanOrEqual(0.8);
    expect(report.injection.recall).toBe(1);
    expect(report.injection.falsePositives).toBe(0);
    expect(formatEvalReport(report).at(-1)).toMatch(/^accuracy: \d\.\d{3}$/);
  });
});
