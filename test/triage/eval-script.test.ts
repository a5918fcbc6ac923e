import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'triage-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, OPENAI_API_KEY: '' };
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts/eval-triage.ts'), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env });

describe('npm run eval', () => {
  it('prints the table and ends with exactly "accuracy: 0.NNN", and writes the JSON report', () => {
    const out = join(dir, 'report.json');
    const result = run('--out', out);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^accuracy: \d\.\d{3}$/);
    expect(result.stdout).toMatch(/ETA exact match/);
    expect(result.stdout).toMatch(/injection detection: recall/);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { provider: string; total: number; accuracy: number };
    expect(report).toMatchObject({ provider: 'heuristic', total: 45 });
  });

  it('says in one line why the OpenAI provider cannot run (not wired in, or no OPENAI_API_KEY)', () => {
    const result = run('--provider', 'openai', '--out', join(dir, 'openai.json'));
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/OpenAI provider is not wired in yet|OPENAI_API_KEY is not set/);
  });
});
