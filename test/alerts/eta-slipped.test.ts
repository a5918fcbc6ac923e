import { describe, expect, it } from 'vitest';
import { detectEtaSlipped } from '../../src/alerts/detectors/eta-slipped.ts';
import { at, po, poLine, thresholds } from './fixtures.ts';

const NOW = at('2026-11-26T23:00:00Z');
const PROMISED = at('2026-11-20T15:00:00Z');

describe('detectEtaSlipped', () => {
  it('remembers the first promise on first sighting and reports nothing', () => {
    const r = detectEtaSlipped({ purchaseOrders: [po()], purchaseOrderLines: [poLine({ qtyReceived: 0 })] }, thresholds(), NOW, new Map());
    expect(r.exceptions).toEqual([]);
    expect([...r.remember]).toEqual([[100, PROMISED]]);
    expect(r.forget).toEqual([]);
  });

  it('reports lines planned later than first promised, one exception per PO owned by the buyer', () => {
    const lines = [
      poLine({ id: 100, qtyReceived: 0, datePlanned: at('2026-11-24T15:00:00Z') }),
      poLine({ id: 101, qtyReceived: 0, datePlanned: at('2026-11-29T15:00:00Z'), product: { id: 10, name: 'Bucket' } }),
      poLine({ id: 102, qtyReceived: 0, datePlanned: PROMISED }),
    ];
    const memory = new Map([[100, PROMISED], [101, PROMISED], [102, PROMISED]]);
    const r = detectEtaSlipped({ purchaseOrders: [po()], purchaseOrderLines: lines }, thresholds(), NOW, memory);
    expect(r.remember.size).toBe(0);
    const [e, ...rest] = r.exceptions;
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ key: 'eta-slipped:purchase.order:42', severity: 'critical', owner: { kind: 'buyer', odooUserId: 7 } });
    expect(e?.type === 'eta-slipped' && e.facts).toMatchObject({
      poName: 'P00042', newEta: '2026-11-29T15:00:00Z', firstPromised: '2026-11-20T15:00:00Z', maxSlipDays: 9,
      lines: [
        { lineId: 100, slipDays: 4, datePlanned: '2026-11-24T15:00:00Z' },
        { lineId: 101, slipDays: 9, product: 'Bucket' },
      ],
    });
    expect(e?.title).toBe('P00042 from Acme Janitorial: ETA moved to 2026-11-29 (+9 days, 2 lines)');
  });

  it('ignores slips within min_slip_hours and moves earlier, and grades by days', () => {
    const scan = (planned: string, raw: unknown = {}) =>
      detectEtaSlipped({ purchaseOrders: [po()], purchaseOrderLines: [poLine({ qtyReceived: 0, datePlanned: at(planned) })] }, thresholds(raw), NOW, new Map([[100, PROMISED]])).exceptions[0];
    expect(scan('2026-11-21T03:00:00Z')).toBeUndefined(); // exactly 12 h: not more than the minimum
    expect(scan('2026-11-21T03:01:00Z')?.severity).toBe('info');
    expect(scan('2026-11-18T15:00:00Z')).toBeUndefined();
    expect(scan('2026-11-22T15:00:00Z')?.severity).toBe('warning');
    expect(scan('2026-11-27T15:00:00Z')?.severity).toBe('critical');
    expect(scan('2026-11-20T16:00:00Z', { eta_slipped: { min_slip_hours: 0 } })?.severity).toBe('info');
  });

  it('keeps the first promise: a second slip is a new fingerprint, the same slip again is not', () => {
    const memory = new Map([[100, PROMISED]]);
    const scan = (planned: string) =>
      detectEtaSlipped({ purchaseOrders: [po()], purchaseOrderLines: [poLine({ qtyReceived: 0, datePlanned: at(planned) })] }, thresholds(), NOW, memory);
    const a = scan('2026-11-22T15:00:00Z');
    const b = scan('2026-11-22T15:00:00Z');
    const c = scan('2026-11-23T15:00:00Z');
    expect(a.remember.size + b.remember.size + c.remember.size).toBe(0);
    expect(b.exceptions[0]?.fingerprint).toBe(a.exceptions[0]?.fingerprint);
    expect(c.exceptions[0]?.fingerprint).not.toBe(a.exceptions[0]?.fingerprint);
  });

  it('skips RFQs and received lines, and forgets lines of finished orders or fully received lines', () => {
    const memory = new Map([[100, PROMISED], [200, PROMISED]]);
    const late = at('2026-11-29T15:00:00Z');
    const r = detectEtaSlipped(
      {
        purchaseOrders: [po({ id: 42 }), po({ id: 43, state: 'sent' }), po({ id: 44, state: 'done' })],
        purchaseOrderLines: [
          poLine({ id: 100, datePlanned: late, qtyReceived: 80 }),
          poLine({ id: 150, order: { id: 43, name: 'P00043' }, datePlanned: late, qtyReceived: 0 }),
          poLine({ id: 200, order: { id: 44, name: 'P00044' }, datePlanned: late, qtyReceived: 0 }),
          poLine({ id: 300, displayType: 'line_section', datePlanned: late }),
        ],
      },
      thresholds(),
      NOW,
      memory,
    );
    expect(r.exceptions).toEqual([]);
    expect(r.remember.size).toBe(0);
    expect(r.forget.sort()).toEqual([100, 200]);
  });
});
