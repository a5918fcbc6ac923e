import { describe, expect, it } from 'vitest';
import { seededStore } from './seeded-store.ts';

describe('seedDistribution at scale', () => {
  it('generates 5,000 POs with lines, receipts and bills in a few seconds', () => {
    const t0 = performance.now();
    const { store, summary } = seededStore({ scale: 5000 });
    const seconds = (performance.now() - t0) / 1000;
    expect(store.count('purchase.order')).toBe(5000);
    expect(store.count('purchase.order.line')).toBeGreaterThan(12_000);
    expect(store.count('stock.picking')).toBeGreaterThan(3000);
    expect(store.count('account.move')).toBeGreaterThan(1500);
    expect(summary.counts['purchase.order']).toBe(5000);
    expect(seconds).toBeLessThan(15); // about 1 s on a laptop
  }, 60_000);
});
