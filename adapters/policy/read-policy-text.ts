import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { PolicyError } from '../../src/policy/policy-error.ts';
import { EXAMPLE_POLICY_FILE } from './read-policy-file.ts';

/**
 * The text of the policy file the bot runs with (POLICY_FILE, or the example in demo mode) and
 * the name errors show, for the features that read their own section of it; null without a
 * file. An unreadable file is a PolicyError naming it.
 */
export async function readPolicyText(options: { policyFile: string | undefined; demoMode: boolean }): Promise<{ text: string; shown: string } | null> {
  const path: string | URL | null = options.policyFile ?? (options.demoMode ? EXAMPLE_POLICY_FILE : null);
  if (!path) return null;
  const shown = typeof path === 'string' ? path : basename(path.pathname);
  try {
    return { text: await readFile(path, 'utf8'), shown };
  } catch (err) {
    throw new PolicyError(`${shown}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`, shown, null, null);
  }
}
