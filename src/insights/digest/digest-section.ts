/**
 * The `digest:` section of the policy file: the weekly control-tower digest.
 *
 * ```yaml
 * digest:
 *   channel: "#procurement-leads"   # Slack channel, or teams:<Team/Channel>
 *   day: monday                     # monday … sunday
 *   time: "08:30"                   # 24-hour HH:MM in time_zone
 *   time_zone: America/Chicago      # optional: the policy calendar's zone
 *   weeks: 12                       # optional: how many weeks the chart shows (2-52)
 * ```
 *
 * Checked at start-up: a bad day, time or zone stops the bot with the file's line and column.
 */
import { z } from 'zod';
import { readPolicySection } from '../../policy/read-policy-section.ts';

export const DIGEST_DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type DigestDay = (typeof DIGEST_DAYS)[number];

export interface DigestSettings {
  channel: string;
  day: DigestDay;
  hour: number;
  minute: number;
  timeZone: string;
  weeks: number;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const sectionSchema = z
  .object({
    channel: z.string().trim().min(1, { error: 'must name a channel ("#procurement-leads" or "teams:Purchasing/Leads")' }),
    day: z.string().transform((d) => d.trim().toLowerCase()).pipe(z.enum(DIGEST_DAYS, { error: `must be a day of the week (${DIGEST_DAYS.join(', ')})` })),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a 24-hour time HH:MM, like "08:30" (quoted)' }),
    time_zone: z.string().refine(isTimeZone, { error: 'must be an IANA time zone, like America/Chicago' }).optional(),
    weeks: z.number().int().min(2).max(52).default(12),
  })
  .strict();

/** The digest settings, or null when the file has no `digest:` section (no digest is posted). */
export function parseDigestSection(text: string, source: string, calendarTimeZone: string): DigestSettings | null {
  const { value } = readPolicySection(text, source, 'digest', sectionSchema.optional());
  if (!value) return null;
  const [hour, minute] = value.time.split(':').map(Number) as [number, number];
  return { channel: value.channel, day: value.day, hour, minute, timeZone: value.time_zone ?? calendarTimeZone, weeks: value.weeks };
}

/** The job scheduler's cron pattern (minute hour * * weekday), read in `timeZone`. */
export function digestCron(settings: Pick<DigestSettings, 'day' | 'hour' | 'minute'>): string {
  return `${settings.minute} ${settings.hour} * * ${DIGEST_DAYS.indexOf(settings.day)}`;
}
