import { describe, expect, it } from 'vitest';
import { defaultTriageSettings, parseTriageSection, warehouseLeadOf } from '../../src/triage/triage-settings.ts';

describe('the triage: section of the policy file', () => {
  it('reads channels and warehouse leads, ignoring the other sections', () => {
    const s = parseTriageSection('timezone: UTC\ntriage:\n  unmatched_channel: "#buyers"\n  finance_channel: C0FIN\n  warehouse_lead:\n    Joliet DC: warehouse@x.example\n    ATL: lead@x.example\n', 'policy.yaml');
    expect(s.unmatchedChannel).toBe('#buyers');
    expect(s.financeChannel).toBe('C0FIN');
    expect(warehouseLeadOf(s, { id: 3, name: 'joliet dc' })).toBe('warehouse@x.example');
    expect(warehouseLeadOf(s, { id: 4, name: 'Atlanta DC', code: 'ATL' })).toBe('lead@x.example');
    expect(warehouseLeadOf(s, { id: 5, name: 'Reno' })).toBeNull();
  });
  it('has defaults', () => {
    expect(defaultTriageSettings()).toMatchObject({ unmatchedChannel: '#purchasing', chatterScanSeconds: 60, warehouseLeads: [] });
  });
  it('names file, line and column of a mistake', () => {
    expect(() => parseTriageSection('triage:\n  unmatched_channel: "#b"\n  finanse_channel: x\n', 'policy.yaml')).toThrow(/^policy\.yaml:3:3: triage\.finanse_channel is not a triage setting/);
    expect(() => parseTriageSection('triage:\n  chatter_scan_seconds: 2\n', 'policy.yaml')).toThrow(/^policy\.yaml:2:25: triage\.chatter_scan_seconds must be at least 10 \(got 2\)/);
  });
});
