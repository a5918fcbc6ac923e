import { parseEventsSection, type EventSubscriber } from '../../src/events/events-section.ts';
import { readPolicyText } from '../policy/read-policy-text.ts';

/**
 * The `events:` subscribers of the policy file the bot runs with (POLICY_FILE, or the example in
 * demo mode); none without a file. A bad section stops start-up with `file:line:col`.
 */
export async function readEventsSection(options: { policyFile: string | undefined; demoMode: boolean; env?: NodeJS.ProcessEnv }): Promise<EventSubscriber[]> {
  const file = await readPolicyText(options);
  return file ? parseEventsSection(file.text, file.shown, options.env ?? process.env) : [];
}
