import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseDelegationsSection } from '../../src/delegation/delegations-section.ts';
import type { Delegation } from '../../src/delegation/delegation.ts';
import { PolicyError } from '../../src/policy/policy-error.ts';
import type { Policy } from '../../src/policy/policy-types.ts';
import { EXAMPLE_POLICY_FILE } from '../policy/read-policy-file.ts';

/**
 * The `delegations:` section of the policy file the bot runs with (POLICY_FILE, or the example in
 * demo mode); none without a file. A bad section stops start-up with `file:line:col`.
 */
export async function readDelegationsSection(options: { policyFile: string | undefined; demoMode: boolean; policy: Policy; now?: () => Date }): Promise<Delegation[]> {
  const path: string | URL | null = options.policyFile ?? (options.demoMode ? EXAMPLE_POLICY_FILE : null);
  if (!path) return [];
  const shown = typeof path === 'string' ? path : basename(path.pathname);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new PolicyError(`${shown}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`, shown, null, null);
  }
  return parseDelegationsSection(text, shown, options.policy, (options.now ?? (() => new Date()))());
}
