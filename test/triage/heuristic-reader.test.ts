import { describe, expect, it } from 'vitest';
import { createHeuristicReader, readEmailHeuristically } from '../../src/triage/heuristic/heuristic-reader.ts';
import { emailReadingSchema } from '../../src/triage/email-reading.ts';
import { HANDMADE } from './handmade-emails.ts';

const NOW = new Date('2027-03-03T12:00:00Z');

describe('heuristic reader on hand-made emails (four languages, every category)', () => {
  it.each(HANDMADE.map((e) => [e.name, e] as const))('%s', (_name, e) => {
    const reading = readEmailHeuristically(
      { from: e.from, subject: e.subject, text: e.text, receivedAt: new Date(e.receivedAt) },
      { poRef: e.poRef, datePlanned: e.datePlanned, now: NOW },
    );
    expect(emailReadingSchema.safeParse(reading).success).toBe(true);
    expect(reading.category).toBe(e.expected.category);
    if (e.expected.new_eta !== undefined) expect(reading.new_eta).toBe(e.expected.new_eta);
    if (e.expected.confirmed_date !== undefined) expect(reading.confirmed_date).toBe(e.expected.confirmed_date);
    if (e.expected.price_change_pct !== undefined) expect(reading.price_change_pct).toBe(e.expected.price_change_pct);
    if (e.expected.quantities) expect(reading.quantities).toMatchObject(e.expected.quantities);
    expect(reading.injection_suspected).toBe(e.expected.injection ?? false);
    expect(reading.provider).toBe('heuristic');
    expect(reading.fallback_reason).toBeNull();
    // The evidence is quoted from the email, never invented, and never the injected line.
    expect(`${e.subject}\n${e.text}`).toContain(reading.evidence);
    if (reading.injection_suspected) expect(reading.evidence).not.toMatch(/disregard|ignore/i);
  });

  it('is deterministic', async () => {
    const e = HANDMADE[0]!;
    const reader = createHeuristicReader();
    const email = { from: e.from, subject: e.subject, text: e.text, receivedAt: new Date(e.receivedAt) };
    const context = { poRef: e.poRef, datePlanned: e.datePlanned, now: NOW };
    expect(await reader.read(email, context)).toEqual(await reader.read(email, context));
  });

  it('reads a quoted older delay as history: the newest message confirms', () => {
    const reading = readEmailHeuristically(
      {
        from: 'rep@vendor.example',
        subject: 'RE: PO P07001 delayed',
        text: 'Good news, we are on track again: delivery Friday 12 March as per your order.\n\n-----Original Message-----\nFrom: Rep\nSent: 1 March 2027\nSubject: PO P07001 delayed\n\nDelivery will slip to 26 March.',
        receivedAt: new Date('2027-03-03T10:00:00Z'),
      },
      { poRef: 'P07001', datePlanned: '2027-03-12', now: NOW },
    );
    expect(reading).toMatchObject({ category: 'confirmation', confirmed_date: '2027-03-12', new_eta: null });
  });

  it('turns a "confirmation" of a date later than planned into a delay', () => {
    const reading = readEmailHeuristically(
      { from: 'ab@lieferant.example', subject: 'Auftragsbestätigung', text: 'Wir bestätigen Ihre Bestellung. Liefertermin: 26.03.2027', receivedAt: new Date('2027-03-03T10:00:00Z') },
      { poRef: 'P07001', datePlanned: '2027-03-12', now: NOW },
    );
    expect(reading).toMatchObject({ category: 'delay', new_eta: '2027-03-26' });
  });

  it('keeps a price change with a fixed surcharge at null percent', () => {
    const reading = readEmailHeuristically(
      { from: 'rep@vendor.example', subject: 'PO P07001', text: 'Confirmed for 3/12. Please note a $40 freight surcharge will be added to this order.', receivedAt: new Date('2027-03-03T10:00:00Z') },
      { poRef: 'P07001', datePlanned: '2027-03-12', now: NOW },
    );
    expect(reading).toMatchObject({ category: 'price_change', price_change_pct: null, confirmed_date: '2027-03-12' });
  });

  it('gives a short summary that names the PO and the facts', () => {
    const e = HANDMADE[0]!;
    const reading = readEmailHeuristically({ from: e.from, subject: e.subject, text: e.text, receivedAt: new Date(e.receivedAt) }, { poRef: e.poRef, datePlanned: e.datePlanned, now: NOW });
    expect(reading.summary).toBe('Delay on P07001: new ETA 2027-03-16 (planned 2027-03-05).');
    expect(reading.summary.length).toBeLessThanOrEqual(280);
  });
});
