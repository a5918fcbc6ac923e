import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lateReceiptSettingsFor, parseAlertThresholds, priceToleranceFor } from '../../src/alerts/alert-thresholds.ts';
import { officeHours } from './fixtures.ts';

describe('parseAlertThresholds', () => {
  it('fills every default when the section is missing', () => {
    const t = parseAlertThresholds(undefined, officeHours());
    expect(t).toMatchObject({
      lateReceipt: { graceHours: 0, warningAfterDays: 1, criticalAfterDays: 5, warehouses: [] },
      etaSlipped: { minSlipHours: 12, warningAfterDays: 2, criticalAfterDays: 7 },
      unconfirmedPo: { afterDays: 2, criticalAfterDays: 7 },
      rfqUnanswered: { afterDays: 3, criticalAfterDays: 10 },
      approvalAging: { afterBusinessHours: 8, criticalAfterBusinessHours: 24 },
      invoiceMatch: { priceTolerance: { default: { percent: 2, absolute: 1 } }, criticalPricePercent: 10, quantityTolerance: { percent: 0, absolute: 0 } },
    });
    expect(t.calendar.timeZone).toBe('America/Chicago');
  });

  it('reads the documented YAML shape', () => {
    const yaml = `
late_receipt:
  grace_hours: 2
  warehouses:
    RNO: { grace_hours: 24 }
    RTM: { grace_hours: 4, timezone: Europe/Amsterdam }
unconfirmed_po: { after_days: 3 }
invoice_match:
  price_tolerance:
    EUR: { percent: 1.5, absolute: 0.05 }
  quantity_tolerance: { absolute: 1 }
`;
    const t = parseAlertThresholds(parse(yaml), officeHours());
    expect(t.lateReceipt.warehouses).toEqual([
      { match: 'RNO', graceHours: 24, timeZone: null },
      { match: 'RTM', graceHours: 4, timeZone: 'Europe/Amsterdam' },
    ]);
    expect(t.unconfirmedPo).toEqual({ afterDays: 3, criticalAfterDays: 7 });
    expect(priceToleranceFor(t, 'EUR')).toEqual({ percent: 1.5, absolute: 0.05 });
    expect(priceToleranceFor(t, 'USD')).toEqual({ percent: 2, absolute: 1 });
    expect(t.invoiceMatch.quantityTolerance).toEqual({ percent: 0, absolute: 1 });
    expect(lateReceiptSettingsFor(t, { id: 4, name: 'Rotterdam Waalhaven', code: 'RTM' })).toEqual({ graceHours: 4, timeZone: 'Europe/Amsterdam' });
    expect(lateReceiptSettingsFor(t, { id: 1, name: 'Joliet DC', code: 'WH' })).toEqual({ graceHours: 2, timeZone: 'America/Chicago' });
  });

  it.each([
    [{ late_receipt: { grace_hours: -1 } }, /^alerts\.late_receipt\.grace_hours: /],
    [{ late_receipt: { grace_hours: 'lots' } }, /^alerts\.late_receipt\.grace_hours: /],
    [{ late_receipt: { warehouses: { RTM: { timezone: 'Mars/Olympus' } } } }, /^alerts\.late_receipt\.warehouses\.RTM\.timezone: must be an IANA time zone/],
    [{ unconfirmed: { after_days: 2 } }, /^alerts: /],
  ])('names the wrong key: %j', (raw, message) => {
    expect(() => parseAlertThresholds(raw, officeHours())).toThrow(expect.objectContaining({ code: 'alert_thresholds_invalid', message: expect.stringMatching(message) }));
  });
});
