import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { SupplierEmail } from './email-reading.ts';

/**
 * The body of POST /webhooks/supplier-email, as a mail gateway or an n8n workflow sends it:
 * one email, text and/or html, with its Message-ID so repeats are recognised.
 */
export const supplierEmailEventSchema = z
  .object({
    from: z.string().min(3).max(320),
    to: z.string().max(2000).optional(),
    subject: z.string().max(1000).default(''),
    text: z.string().max(200_000).optional(),
    html: z.string().max(500_000).optional(),
    received_at: z.iso.datetime({ offset: true }),
    message_id: z.string().min(3).max(998),
  })
  .refine((e) => (e.text ?? '').trim() !== '' || (e.html ?? '').trim() !== '', { message: 'text or html is required', path: ['text'] });

export type SupplierEmailEvent = z.infer<typeof supplierEmailEventSchema>;

export function toSupplierEmail(e: SupplierEmailEvent): SupplierEmail {
  return {
    from: e.from,
    ...(e.to ? { to: e.to } : {}),
    subject: e.subject,
    text: e.text ?? '',
    ...(e.html ? { html: e.html } : {}),
    receivedAt: new Date(e.received_at),
    messageId: e.message_id,
  };
}

/** A short stable key for a Message-ID (they can be long and hold any character). */
export function messageKey(messageId: string): string {
  return createHash('sha256').update(messageId.trim().toLowerCase()).digest('hex').slice(0, 24);
}
