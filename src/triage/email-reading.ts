import { z } from 'zod';

/**
 * What a supplier email means for the PO it answers: the output every triage provider (the
 * offline heuristic, an LLM) must produce, validated with zod before anyone sees it.
 */

export const EMAIL_CATEGORIES = [
  'delay',
  'partial_shipment',
  'price_change',
  'cancellation',
  'quality_issue',
  'confirmation',
  'invoice_query',
  'other',
] as const;

export const emailCategorySchema = z.enum(EMAIL_CATEGORIES);
export type EmailCategory = z.infer<typeof emailCategorySchema>;

export const READING_PROVIDERS = ['heuristic', 'openai', 'supplier-event'] as const;
export type ReadingProvider = (typeof READING_PROVIDERS)[number];

export const SUMMARY_MAX_CHARS = 280;

/** A calendar day, YYYY-MM-DD, that exists (no 2026-02-30). */
export const calendarDaySchema = z.string().refine(isCalendarDay, { message: 'expected a real calendar day as YYYY-MM-DD' });

/**
 * Quantities of the affected line(s), in the shape the labelled data uses: one object, the
 * split of what ships now and what does not (backordered later, or cancelled for good).
 */
export const quantitiesSchema = z
  .object({
    description: z.string().max(200).optional(),
    ordered: z.number().nonnegative().optional(),
    shipped: z.number().nonnegative().optional(),
    backordered: z.number().nonnegative().optional(),
    cancelled: z.number().nonnegative().optional(),
    unit: z.string().max(40).optional(),
  })
  .strict();
export type Quantities = z.infer<typeof quantitiesSchema>;

export const emailReadingSchema = z
  .object({
    category: emailCategorySchema,
    summary: z.string().min(1).max(SUMMARY_MAX_CHARS),
    /** The new expected delivery date when the email moves it (delay, the rest of a partial shipment). */
    new_eta: calendarDaySchema.nullable(),
    /** A delivery date the vendor confirms (a confirmation, or the part of a partial shipment that keeps its date). */
    confirmed_date: calendarDaySchema.nullable(),
    quantities: quantitiesSchema.nullable(),
    /** Signed percent, +7.5 for an increase, -10 for a decrease; null for fixed amounts or none. */
    price_change_pct: z.number().gt(-100).lt(1000).nullable(),
    confidence: z.number().min(0).max(1),
    /** The sentence the reading relied on, quoted from the cleaned email. */
    evidence: z.string().max(1000),
    /** The email contains text aimed at the bot (instructions, fake system lines). */
    injection_suspected: z.boolean(),
    provider: z.enum(READING_PROVIDERS),
    /** Set when this is the heuristic answer used because the preferred provider failed. */
    fallback_reason: z.string().min(1).max(500).nullable(),
  })
  .strict();
export type EmailReading = z.infer<typeof emailReadingSchema>;

/** A supplier email as the sources (PO chatter, the mail webhook) hand it to triage. */
export interface SupplierEmail {
  from: string;
  to?: string;
  subject: string;
  /** Plain-text body; may be empty when only html is given. */
  text: string;
  html?: string;
  receivedAt: Date;
  messageId?: string;
}

/** What the reader knows besides the email: the PO it was matched to, and the clock. */
export interface ReadContext {
  poRef: string | null;
  /** The PO's planned date (YYYY-MM-DD), to tell a delay from a confirmation. */
  datePlanned: string | null;
  now: Date;
}

/** The port: every triage provider reads an email into a schema-valid reading. */
export interface EmailReader {
  read(email: SupplierEmail, context: ReadContext): Promise<EmailReading>;
}

function isCalendarDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
