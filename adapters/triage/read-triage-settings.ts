import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CodedError } from '../../src/errors/coded-error.ts';
import { defaultTriageSettings, parseTriageSection, type TriageSettings } from '../../src/triage/triage-settings.ts';
import { EXAMPLE_POLICY_FILE } from '../policy/read-policy-file.ts';

/**
 * The `triage:` section of the policy file the bot runs with (POLICY_FILE, or the example in demo
 * mode); defaults when there is none. A bad section stops start-up with `file:line:col`.
 */
export async function readTriageSettings(options: { policyFile: string | undefined; demoMode: boolean }): Promise<TriageSettings> {
  const path: string | URL | null = options.policyFile ?? (options.demoMode ? EXAMPLE_POLICY_FILE : null);
  if (!path) return defaultTriageSettings();
  const shown = typeof path === 'string' ? path : basename(path.pathname);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CodedError('triage_settings_invalid', `${shown}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`, false);
  }
  return parseTriageSection(text, shown);
}
