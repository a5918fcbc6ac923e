import { describe, expect, it } from 'vitest';
import { emailReadingSchema, type EmailReading } from '../../src/triage/email-reading.ts';

const valid: EmailReading = {
  category: 'delay',
  summary: 'Delay on P00001: new ETA 2026-12-03 (planned 2026-11-25).',
  new_eta: '2026-12-03',
  confirmed_date: null,
  quantities: null,
  price_change_pct: null,
  confidence: 0.8,
  evidence: 'New ship date is 12/03.',
  injection_suspected: false,
  provider: 'heuristic',
  fallback_reason: null,
};

describe('emailReadingSchema', () => {
  it('accepts a valid reading, including quantities in the labelled shape and a fallback reason', () => {
    expect(emailReadingSchema.parse(valid)).toEqual(valid);
    const partial = { ...valid, category: 'partial_shipment', quantities: { shipped: 2, backordered: 0, cancelled: 3, unit: 'pallets' }, fallback_reason: 'triage_timeout: no answer within 20000 ms' };
    expect(emailReadingSchema.safeParse(partial).success).toBe(true);
  });

  it.each([
    ['a summary over 280 characters', { summary: 'x'.repeat(281) }],
    ['an empty summary', { summary: '' }],
    ['a date not in YYYY-MM-DD', { new_eta: '12/03/2026' }],
    ['a date that does not exist', { confirmed_date: '2026-02-30' }],
    ['confidence above 1', { confidence: 1.2 }],
    ['confidence below 0', { confidence: -0.1 }],
    ['an unknown category', { category: 'urgent' }],
    ['an unknown provider', { provider: 'claude' }],
    ['negative quantities', { quantities: { shipped: -1 } }],
    ['unknown quantity keys', { quantities: { lost: 1 } }],
    ['extra fields', { approve_po: true }],
    ['a missing field', { evidence: undefined }],
  ])('rejects %s', (_name, change) => {
    expect(emailReadingSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});
