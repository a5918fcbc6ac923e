import { PolicyError } from '../../src/policy/policy-error.ts';
import type { Policy } from '../../src/policy/policy-types.ts';
import { EXAMPLE_POLICY_FILE, readPolicyFile } from './read-policy-file.ts';

/**
 * The policy the bot runs with: POLICY_FILE when set; in demo mode without it, the example file
 * (it fits the embedded Odoo's demo data). Outside demo mode a missing POLICY_FILE stops start-up:
 * approving with an example policy in production would be worse than not starting.
 */
export async function loadPolicy(options: { policyFile: string | undefined; demoMode: boolean }): Promise<Policy> {
  if (options.policyFile) return readPolicyFile(options.policyFile);
  if (options.demoMode) return readPolicyFile(EXAMPLE_POLICY_FILE);
  throw new PolicyError('POLICY_FILE is not set: point it at the approval policy (see policy.example.yaml)', 'POLICY_FILE', null, null);
}
