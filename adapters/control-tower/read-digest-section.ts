import { parseDigestSection, type DigestSettings } from '../../src/insights/digest/digest-section.ts';
import { readPolicyText } from '../policy/read-policy-text.ts';

/** The `digest:` section of the policy file the bot runs with; null without a file or section. */
export async function readDigestSection(options: { policyFile: string | undefined; demoMode: boolean; calendarTimeZone: string }): Promise<DigestSettings | null> {
  const file = await readPolicyText(options);
  return file ? parseDigestSection(file.text, file.shown, options.calendarTimeZone) : null;
}
