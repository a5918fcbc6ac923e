import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/fake-openai.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

/** Four labelled emails: a delay with a written date, and three whose answers the fake model spoils. */
const labelled = [
  { id: 't-1', received_at: '2027-03-02T15:47:00Z', from: 'stan@x.example', po_ref: 'P01028', po_date_planned: '2027-03-04', subject: 'PO 1028', body: 'Megan - PO 1028 wont make thursday. film supplier shorted us on resin. 3/9 is realistic, will call if that changes', expected: { category: 'delay', new_eta: '2027-03-09' } },
  { id: 't-2', received_at: '2027-03-02T15:47:00Z', from: 'stan@x.example', po_ref: 'P01029', po_date_planned: '2027-03-04', subject: 'PO 1029', body: 'PO 1029 wont make thursday either. 3/10 is realistic.', expected: { category: 'delay', new_eta: '2027-03-10' } },
  { id: 't-3', received_at: '2027-03-02T15:47:00Z', from: 'stan@x.example', po_ref: 'P01030', po_date_planned: '2027-03-04', subject: 'Verzögerung Bestellung P01030', body: 'Guten Tag, die Lieferung verzögert sich, neuer Liefertermin ist KW 11. Gruß', expected: { category: 'delay', new_eta: '2027-03-15' } },
  { id: 't-4', received_at: '2027-03-02T15:47:00Z', from: 'stan@x.example', po_ref: 'P01031', po_date_planned: '2027-03-04', subject: 'P01031', body: 'We confirm delivery of P01031 on 3/4 as planned.', expected: { category: 'confirmation', confirmed_date: '2027-03-04' } },
];
const answer = (over: Record<string, unknown>) => ({
  category: 'delay', summary: 'Delayed.', new_eta: null, confirmed_date: null, quantities: null, price_change_pct: null, confidence: 0.9, evidence: 'x', injection_suspected: false, ...over,
});

let fake: FakeOpenAi;
const dir = mkdtempSync(join(tmpdir(), 'triage-eval-openai-'));
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function runEval(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts/eval-triage.ts'), ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

describe('npm run eval -- --provider openai against an OpenAI-compatible server', () => {
  it('uses good answers, and falls back to the offline reader on a schema break, an invented date and a timeout', async () => {
    const file = join(dir, 'set.jsonl');
    writeFileSync(file, `${labelled.map((l) => JSON.stringify(l)).join('\n')}\n`);
    fake.reply(
      { kind: 'json', content: answer({ new_eta: '2027-03-09', evidence: '3/9 is realistic' }) },
      { kind: 'json', content: answer({ category: 'urgent', new_eta: '2027-03-10' }) },
      { kind: 'json', content: answer({ new_eta: '2027-03-22' }) },
      { kind: 'hang' },
    );
    const out = join(dir, 'report.json');
    const result = await runEval(['--provider', 'openai', '--file', file, '--out', out, '--timeout-ms', '1500'], { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'gpt-test' });
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('accuracy: 1.000');
    expect(result.stdout).toContain('heuristic fallbacks: 3');
    expect(result.stdout).toMatch(/confident answers \(confidence >= 0\.70\): coverage/);
    expect(result.stderr).toMatch(/fallback: triage_invalid_reading/);
    expect(result.stderr).toMatch(/fallback: triage_unsupported_reading: new_eta 2027-03-22 is not a date the email writes/);
    expect(result.stderr).toMatch(/fallback: triage_timeout/);
    // The requests went to the configured server, with the v2 prompt and the email's language.
    expect(fake.requests.length).toBeGreaterThanOrEqual(4);
    expect(fake.requests[0]!.path).toBe('/v1/chat/completions');
    expect(fake.requests[0]!.body.model).toBe('gpt-test');
    const messages = fake.requests[2]!.body.messages as Array<{ role: string; content: string }>;
    expect(messages[0]!.content).toContain('Dutch, Italian and Portuguese');
    expect(JSON.parse(messages[1]!.content)).toMatchObject({ email: { language: 'de' } });
    const report = JSON.parse(readFileSync(out, 'utf8')) as { provider: string; fallbacks: number; eta: { exact: number; total: number } };
    expect(report).toMatchObject({ provider: 'openai', fallbacks: 3, eta: { exact: 3, total: 3 } });
  }, 60_000);
});
