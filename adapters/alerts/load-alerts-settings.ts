import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseAlertsSection, type AlertsSettings } from '../../src/alerts/lifecycle/alerts-settings.ts';
import type { Policy } from '../../src/policy/policy-types.ts';
import { EXAMPLE_POLICY_FILE } from '../policy/read-policy-file.ts';

/**
 * The `alerts:` and `routing:` sections of the same policy file the approvals read (POLICY_FILE, or
 * the example in demo mode), with the policy's working calendar. A missing section means defaults
 * (everything to the default channel); a wrong one stops start-up with `file:line:col`.
 */
export async function loadAlertsSettings(options: { policyFile: string | undefined; demoMode: boolean; policy: Policy }): Promise<AlertsSettings> {
  const path = options.policyFile ?? (options.demoMode ? EXAMPLE_POLICY_FILE : undefined);
  if (!path) return parseAlertsSection('{}', 'defaults', options.policy.calendar);
  const text = await readFile(path, 'utf8');
  return parseAlertsSection(text, typeof path === 'string' ? path : basename(path.pathname), options.policy.calendar);
}
