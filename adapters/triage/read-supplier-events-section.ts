import { DEFAULT_SUPPLIER_EVENT_SETTINGS, parseSupplierEventsSection, type SupplierEventSettings } from '../../src/supplier-events/supplier-events-section.ts';
import { readPolicyText } from '../policy/read-policy-text.ts';

/** The `supplier_events:` section of the policy file the bot runs with; the defaults without a file. */
export async function readSupplierEventsSection(options: { policyFile: string | undefined; demoMode: boolean }): Promise<SupplierEventSettings> {
  const file = await readPolicyText(options);
  return file ? parseSupplierEventsSection(file.text, file.shown) : DEFAULT_SUPPLIER_EVENT_SETTINGS;
}
