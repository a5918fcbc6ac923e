import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { PolicyError } from '../../src/policy/policy-error.ts';
import { DEFAULT_SUPPLIER_EVENT_SETTINGS, parseSupplierEventsSection, type SupplierEventSettings } from '../../src/supplier-events/supplier-events-section.ts';
import { EXAMPLE_POLICY_FILE } from '../policy/read-policy-file.ts';

/** The `supplier_events:` section of the policy file the bot runs with; the defaults without a file. */
export async function readSupplierEventsSection(options: { policyFile: string | undefined; demoMode: boolean }): Promise<SupplierEventSettings> {
  const path: string | URL | null = options.policyFile ?? (options.demoMode ? EXAMPLE_POLICY_FILE : null);
  if (!path) return DEFAULT_SUPPLIER_EVENT_SETTINGS;
  const shown = typeof path === 'string' ? path : basename(path.pathname);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new PolicyError(`${shown}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`, shown, null, null);
  }
  return parseSupplierEventsSection(text, shown);
}
