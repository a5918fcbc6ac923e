import { describe, expect, it } from 'vitest';
import { memoBusinessHoursBetween } from '../../src/alerts/business-hours-memo.ts';
import { detectApprovalAging } from '../../src/alerts/detectors/approval-aging.ts';
import { businessHoursBetween } from '../../src/time/business-hours-between.ts';
import { at, officeHours, po, thresholds } from './fixtures.ts';

// Chicago office hours (08:00-18:00 CST = 14:00-24:00 UTC), Nov 2026. Fri 20th, Mon 23rd.
const waiting = (writeDate: string) => po({ state: 'to approve', writeDate: at(writeDate), dateApprove: null, amountTotal: 12000 });

describe('detectApprovalAging', () => {
  it('does not count the weekend: Friday 16:00 to Monday 10:00 is 4 business hours', () => {
    const order = waiting('2026-11-20T22:00:00Z'); // Fri 16:00 CST
    const monday10 = at('2026-11-23T16:00:00Z');
    expect(detectApprovalAging({ purchaseOrders: [order] }, thresholds(), monday10)).toEqual([]);
    const [e] = detectApprovalAging({ purchaseOrders: [order] }, thresholds({ approval_aging: { after_business_hours: 4 } }), monday10);
    expect(e).toMatchObject({ key: 'approval-aging:purchase.order:42', severity: 'warning', owner: { kind: 'buyer', odooUserId: 7 } });
    expect(e?.type === 'approval-aging' && e.facts).toMatchObject({ businessHoursWaiting: 4, waitingSinceSource: 'write-date', timeZone: 'America/Chicago' });
    expect(e?.title).toBe('P00042 (Acme Janitorial, $12,000.00) waiting 4 business hours for approval');
  });

  it('raises at exactly N business hours, and turns critical later', () => {
    const order = waiting('2026-11-23T14:00:00Z'); // Mon 08:00
    expect(detectApprovalAging({ purchaseOrders: [order] }, thresholds(), at('2026-11-23T21:59:00Z'))).toEqual([]);
    expect(detectApprovalAging({ purchaseOrders: [order] }, thresholds(), at('2026-11-23T22:00:00Z'))).toHaveLength(1);
    // 24 business hours = Mon 10 + Tue 10 + Wed 4 -> Wed 12:00 CST.
    expect(detectApprovalAging({ purchaseOrders: [order] }, thresholds(), at('2026-11-25T17:59:00Z'))[0]?.severity).toBe('warning');
    expect(detectApprovalAging({ purchaseOrders: [order] }, thresholds(), at('2026-11-25T18:00:00Z'))[0]?.severity).toBe('critical');
  });

  it('counts from the approval request when the approval store knows it', () => {
    const order = waiting('2026-11-23T20:00:00Z');
    const [e] = detectApprovalAging(
      { purchaseOrders: [order], approvalWaitingSince: new Map([[42, at('2026-11-23T14:00:00Z')]]) },
      thresholds(),
      at('2026-11-23T23:00:00Z'),
    );
    expect(e?.type === 'approval-aging' && e.facts).toMatchObject({ waitingSince: '2026-11-23T14:00:00Z', waitingSinceSource: 'approval-request', businessHoursWaiting: 9 });
  });

  it('uses the calendar it is given (holidays, other zones) and ignores orders not waiting', () => {
    const order = waiting('2026-11-25T14:00:00Z'); // Wed 08:00 CST; Thu 26 and Fri 27 are holidays
    const holidays = officeHours('America/Chicago', ['2026-11-26', '2026-11-27']);
    expect(detectApprovalAging({ purchaseOrders: [order] }, thresholds({ approval_aging: { after_business_hours: 12 } }, holidays), at('2026-11-28T12:00:00Z'))).toEqual([]);
    expect(detectApprovalAging({ purchaseOrders: [order] }, thresholds({ approval_aging: { after_business_hours: 12 } }), at('2026-11-28T12:00:00Z'))).toHaveLength(1);
    expect(detectApprovalAging({ purchaseOrders: [po({ state: 'purchase', writeDate: at('2026-11-01T14:00:00Z') })] }, thresholds(), at('2026-11-28T12:00:00Z'))).toEqual([]);
  });
});

describe('memoBusinessHoursBetween', () => {
  it('counts exactly as src/time does, across weekends, holidays and DST changes', () => {
    const cal = officeHours('America/Chicago', ['2026-11-26', '2026-11-27']);
    const starts = ['2026-03-06T22:00:00Z', '2026-03-07T05:00:00Z', '2026-10-30T13:59:00Z', '2026-11-20T22:00:00Z', '2026-11-25T17:17:00Z'];
    const lengths = [0.5, 7, 30, 61, 200, 500]; // hours of wall clock
    for (const s of starts) {
      for (const hours of lengths) {
        const a = at(s);
        const b = new Date(a.getTime() + hours * 3_600_000);
        expect(memoBusinessHoursBetween(a, b, cal), `${s} +${hours}h`).toBe(businessHoursBetween(a, b, cal));
      }
    }
  });
});
