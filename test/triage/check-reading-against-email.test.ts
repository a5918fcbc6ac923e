import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReadingAgainstEmail } from '../../src/triage/check-reading-against-email.ts';
import type { EmailReading, SupplierEmail } from '../../src/triage/email-reading.ts';
import { labelledEmailSchema, supplierEmailOf, type LabelledEmail } from '../../src/triage/eval/labelled-email.ts';
import { dataPath } from '../support/paths.ts';

const readingOf = (record: LabelledEmail): EmailReading => ({
  category: record.expected.category,
  summary: 'as labelled',
  new_eta: record.expected.new_eta ?? null,
  confirmed_date: record.expected.confirmed_date ?? null,
  quantities: record.expected.quantities ?? null,
  price_change_pct: record.expected.price_change_pct ?? null,
  confidence: 0.9,
  evidence: '',
  injection_suspected: record.expected.injection ?? false,
  provider: 'openai',
  fallback_reason: null,
});

const email = (text: string, receivedAt = '2027-03-02T15:00:00Z'): SupplierEmail => ({ from: 'v@x.example', subject: 'PO P01028', text, receivedAt: new Date(receivedAt) });
const base = readingOf(labelledEmailSchema.parse({ received_at: '2027-03-02T15:00:00Z', from: 'x', subject: 'x', expected: { category: 'delay' } }));

describe('a reading checked against the email it reads', () => {
  for (const set of ['supplier-emails.dev.jsonl', 'supplier-emails.dev2.jsonl']) {
    it(`accepts every labelled answer of ${set} (nothing true is rejected)`, () => {
      const records = readFileSync(dataPath(set), 'utf8').split('\n').filter((l) => l.trim()).map((l) => labelledEmailSchema.parse(JSON.parse(l)));
      const rejected = records.map((r) => ({ id: r.id, problems: checkReadingAgainstEmail(readingOf(r), supplierEmailOf(r)) })).filter((r) => r.problems.length > 0);
      expect(rejected).toEqual([]);
    });
  }

  it('rejects a date the email does not write, in any form', () => {
    const problems = checkReadingAgainstEmail({ ...base, new_eta: '2027-03-19' }, email('PO 1028 wont make thursday. 3/9 is realistic.'));
    expect(problems).toEqual(['new_eta 2027-03-19 is not a date the email writes']);
    expect(checkReadingAgainstEmail({ ...base, new_eta: '2027-03-09' }, email('PO 1028 wont make thursday. 3/9 is realistic.'))).toEqual([]);
    expect(checkReadingAgainstEmail({ ...base, new_eta: '2027-03-15' }, email('Die Restmenge liefern wir in KW 11 nach.'))).toEqual([]);
  });

  it('rejects a quantity that is no number of the email, and accepts one that adds up', () => {
    const text = '96 cases shipped today, 48 cases backordered.';
    expect(checkReadingAgainstEmail({ ...base, category: 'partial_shipment', quantities: { shipped: 96, backordered: 48, ordered: 144 } }, email(text))).toEqual([]);
    expect(checkReadingAgainstEmail({ ...base, category: 'partial_shipment', quantities: { shipped: 96, backordered: 50 } }, email(text))).toEqual(['quantities.backordered 50 is not a number in the email']);
  });

  it('rejects a percentage neither written nor computed from two prices', () => {
    const text = 'The cups are now $33.08/M; your PO has $31.50/M.';
    expect(checkReadingAgainstEmail({ ...base, category: 'price_change', price_change_pct: 5 }, email(text))).toEqual([]);
    expect(checkReadingAgainstEmail({ ...base, category: 'price_change', price_change_pct: 8 }, email(text))).toHaveLength(1);
  });
});
