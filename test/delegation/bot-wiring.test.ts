import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { POLICY_FILE } from './delegation-harness.ts';

let bot: TestBot | undefined;
const dir = mkdtempSync(join(tmpdir(), 'delegation-policy-'));

afterAll(async () => {
  await bot?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the running bot', () => {
  it("reads the policy file's delegations at start-up and exposes them for routing", async () => {
    bot = await startTestBot({ POLICY_FILE }, { workers: false });
    expect(await bot.delegation.delegateOf('MROSSI@northgate-supply.example')).toMatchObject({ login: 'hvargas@northgate-supply.example', name: 'Helen Vargas' });
    expect((await bot.delegation.active()).map((d) => d.source)).toEqual(['policy']);
  }, 60_000);

  it('refuses to start with a bad delegations section, naming file:line:col', async () => {
    const bad = join(dir, 'policy.yaml');
    writeFileSync(bad, readFileSync(POLICY_FILE, 'utf8').replace('to: Helen Vargas', 'to: Marco Rossi'));
    await expect(startTestBot({ POLICY_FILE: bad }, { workers: false, http: false })).rejects.toThrow(`${bad}:29:9: delegations[0].to is the same person as from: (Marco Rossi)`);
  }, 60_000);
});
