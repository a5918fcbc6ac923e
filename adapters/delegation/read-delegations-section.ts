import { parseDelegationsSection } from '../../src/delegation/delegations-section.ts';
import type { Delegation } from '../../src/delegation/delegation.ts';
import type { Policy } from '../../src/policy/policy-types.ts';
import { readPolicyText } from '../policy/read-policy-text.ts';

/**
 * The `delegations:` section of the policy file the bot runs with (POLICY_FILE, or the example in
 * demo mode); none without a file. A bad section stops start-up with `file:line:col`.
 */
export async function readDelegationsSection(options: { policyFile: string | undefined; demoMode: boolean; policy: Policy; now?: () => Date }): Promise<Delegation[]> {
  const file = await readPolicyText(options);
  return file ? parseDelegationsSection(file.text, file.shown, options.policy, (options.now ?? (() => new Date()))()) : [];
}
