import { DEFAULT_REQUESTS_SETTINGS, parseRequestsSection, type RequestsSettings } from '../../src/requests/requests-section.ts';
import { readPolicyText } from '../policy/read-policy-text.ts';

/**
 * The `requests:` section of the policy file the bot runs with (POLICY_FILE, or the example in
 * demo mode); defaults without a file. A bad section stops start-up with `file:line:col`.
 */
export async function readRequestsSection(options: { policyFile: string | undefined; demoMode: boolean }): Promise<RequestsSettings> {
  const file = await readPolicyText(options);
  return file ? parseRequestsSection(file.text, file.shown) : DEFAULT_REQUESTS_SETTINGS;
}
