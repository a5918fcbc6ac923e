import { describe, expect, it } from 'vitest';
import type { OdooStore } from '../../adapters/embedded-odoo/store.ts';
import { loadSupplierEmails } from '../../adapters/embedded-odoo/seed/supplier-email-data.ts';
import { NOW, seededStore } from './seeded-store.ts';

/** Every row of every model, in id order: what "identical rows" means. */
function dump(store: OdooStore): string {
  return JSON.stringify(store.models().sort().map((m) => [m, store.rows(m)]));
}

describe('seedDistribution is deterministic', () => {
  it('gives identical rows for the same seed, scale and now', () => {
    const a = seededStore({ seed: 7, scale: 400 });
    const b = seededStore({ seed: 7, scale: 400 });
    expect(dump(a.store)).toBe(dump(b.store));
    expect(a.summary).toEqual(b.summary);
  });

  it('gives different rows for another seed', () => {
    const a = seededStore({ seed: 7, scale: 400 });
    const b = seededStore({ seed: 8, scale: 400 });
    expect(dump(a.store)).not.toBe(dump(b.store));
    // Same shape though: the same number of POs and the same email POs.
    expect(a.store.count('purchase.order')).toBe(b.store.count('purchase.order'));
  });

  it('keeps dates relative to now, except the supplier emails', () => {
    const later = new Date(NOW.getTime() + 30 * 86_400_000);
    const a = seededStore({ scale: 300 });
    const b = seededStore({ scale: 300, now: later });
    const late = a.summary.interesting.lateReceipts[0];
    const lateLater = b.summary.interesting.lateReceipts[0];
    expect(late && lateLater).toBeTruthy();
    expect(Date.parse(`${lateLater?.scheduledDate}Z`) - Date.parse(`${late?.scheduledDate}Z`)).toBe(30 * 86_400_000);
    const email = loadSupplierEmails()[0];
    const msg = (store: OdooStore) => store.rows('mail.message').find((m) => m.message_type === 'email' && m.subject === email?.subject);
    expect(msg(a.store)?.date).toBe('2026-11-20 14:22:00');
    expect(msg(b.store)?.date).toBe('2026-11-20 14:22:00');
  });

  it('does not use Math.random or Date.now', () => {
    const random = Math.random;
    const dateNow = Date.now;
    Math.random = () => {
      throw new Error('Math.random used');
    };
    Date.now = () => {
      throw new Error('Date.now used');
    };
    try {
      expect(() => seededStore({ scale: 100 })).not.toThrow();
    } finally {
      Math.random = random;
      Date.now = dateNow;
    }
  });
});
