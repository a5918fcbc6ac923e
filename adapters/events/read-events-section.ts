import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseEventsSection, type EventSubscriber } from '../../src/events/events-section.ts';
import { PolicyError } from '../../src/policy/policy-error.ts';
import { EXAMPLE_POLICY_FILE } from '../policy/read-policy-file.ts';

/**
 * The `events:` subscribers of the policy file the bot runs with (POLICY_FILE, or the example in
 * demo mode); none without a file. A bad section stops start-up with `file:line:col`.
 */
export async function readEventsSection(options: { policyFile: string | undefined; demoMode: boolean; env?: NodeJS.ProcessEnv }): Promise<EventSubscriber[]> {
  const path: string | URL | null = options.policyFile ?? (options.demoMode ? EXAMPLE_POLICY_FILE : null);
  if (!path) return [];
  const shown = typeof path === 'string' ? path : basename(path.pathname);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new PolicyError(`${shown}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`, shown, null, null);
  }
  return parseEventsSection(text, shown, options.env ?? process.env);
}
