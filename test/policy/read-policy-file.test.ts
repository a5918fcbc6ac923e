import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../adapters/policy/load-policy.ts';
import { readPolicyFile } from '../../adapters/policy/read-policy-file.ts';
import { EXAMPLE_PATH } from './support/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readPolicyFile', () => {
  it('reads the example file', async () => {
    const policy = await readPolicyFile(EXAMPLE_PATH);
    expect(policy.source).toBe(EXAMPLE_PATH);
    expect(policy.rules.length).toBeGreaterThan(1);
  });

  it('names a missing file in one line', async () => {
    const path = join(dir, 'missing.yaml');
    await expect(readPolicyFile(path)).rejects.toMatchObject({
      code: 'policy_invalid',
      message: `${path}: the policy file does not exist (set POLICY_FILE to a readable YAML file)`,
    });
  });

  it('names a directory in one line', async () => {
    await expect(readPolicyFile(dir)).rejects.toMatchObject({ message: `${dir}: is a directory, expected a YAML file` });
  });

  it('reports a bad file with its path, line and column', async () => {
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, 'timezone: UTC\nworking_hours: { mon: "09:00-17:00" }\nrules: nope\n');
    await expect(readPolicyFile(path)).rejects.toMatchObject({ message: `${path}:3:8: rules must be a list (got "nope")`, line: 3, column: 8 });
  });
});

describe('loadPolicy', () => {
  it('uses the example in demo mode when POLICY_FILE is not set', async () => {
    const policy = await loadPolicy({ policyFile: undefined, demoMode: true });
    expect(policy.source).toBe('policy.example.yaml');
  });

  it('refuses to start without POLICY_FILE outside demo mode', async () => {
    await expect(loadPolicy({ policyFile: undefined, demoMode: false })).rejects.toMatchObject({ code: 'policy_invalid', message: expect.stringMatching(/^POLICY_FILE is not set/) });
  });
});
