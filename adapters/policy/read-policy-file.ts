import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parsePolicy } from '../../src/policy/parse-policy.ts';
import { PolicyError } from '../../src/policy/policy-error.ts';
import type { Policy } from '../../src/policy/policy-types.ts';

/** The example policy at the project root, used by demo mode when POLICY_FILE is not set. */
export const EXAMPLE_POLICY_FILE = new URL('../../policy.example.yaml', import.meta.url);

/**
 * Reads and parses the policy file. Every failure, a missing or unreadable file included, is a
 * PolicyError whose message is one line starting with the file name (and line, when known).
 */
export async function readPolicyFile(path: string | URL): Promise<Policy> {
  const shown = typeof path === 'string' ? path : basename(path.pathname);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'the policy file does not exist (set POLICY_FILE to a readable YAML file)' : code === 'EISDIR' ? 'is a directory, expected a YAML file' : `cannot be read (${code ?? String(err)})`;
    throw new PolicyError(`${shown}: ${why}`, shown, null, null);
  }
  return parsePolicy(text, shown);
}
