import { z } from 'zod';
import { calendarDaySchema, emailCategorySchema, type ReadContext, type SupplierEmail } from '../email-reading.ts';

/** One line of a labelled JSON Lines file (the format of data/supplier-emails.dev.jsonl). */
export const labelledEmailSchema = z.object({
  id: z.string().optional(),
  received_at: z.iso.datetime({ offset: true }),
  from: z.string(),
  to: z.string().optional(),
  vendor: z.string().nullable().optional(),
  po_ref: z.string().nullable().optional(),
  po_date_planned: calendarDaySchema.nullable().optional(),
  subject: z.string(),
  body: z.string().optional(),
  html: z.string().optional(),
  expected: z.object({
    category: emailCategorySchema,
    new_eta: calendarDaySchema.nullable().optional(),
    confirmed_date: calendarDaySchema.nullable().optional(),
    quantities: z.record(z.string(), z.number()).nullable().optional(),
    price_change_pct: z.number().nullable().optional(),
    injection: z.boolean().optional(),
    ambiguous: z.boolean().optional(),
  }),
  note: z.string().optional(),
});
export type LabelledEmail = z.infer<typeof labelledEmailSchema>;

/** The email as a source would hand it to triage. */
export function supplierEmailOf(record: LabelledEmail): SupplierEmail {
  return { from: record.from, to: record.to, subject: record.subject, text: record.body ?? '', html: record.html, receivedAt: new Date(record.received_at) };
}

/** What the PO matcher would know: the PO reference and its planned date. */
export function readContextOf(record: LabelledEmail, now: Date): ReadContext {
  return { poRef: record.po_ref ?? null, datePlanned: record.po_date_planned ?? null, now };
}
