import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAlertsSection } from '../../src/alerts/lifecycle/alerts-settings.ts';
import { routeException } from '../../src/alerts/lifecycle/route-exception.ts';
import type { ProcurementException } from '../../src/alerts/exception.ts';
import { officeHours } from './fixtures.ts';

const calendar = officeHours('America/Chicago');
const exampleBlock = () => readFileSync(new URL('../../policy.example.yaml', import.meta.url), 'utf8');

const ref = <M extends string>(model: M, id: number, name: string) => ({ model, id, name }) as never;
function exception(type: ProcurementException['type'], records: Partial<Record<'company' | 'warehouse' | 'vendor', { id: number; name: string }>>): ProcurementException {
  return {
    type, key: `${type}:stock.picking:1`, owner: { kind: 'buyer', odooUserId: 7 },
    records: { subject: ref('stock.picking', 1, 'WH/IN/1'), purchaseOrder: null, buyer: null, related: [], company: records.company ? ref('res.company', records.company.id, records.company.name) : null, warehouse: records.warehouse ? ref('stock.warehouse', records.warehouse.id, records.warehouse.name) : null, vendor: records.vendor ? ref('res.partner', records.vendor.id, records.vendor.name) : null },
  } as unknown as ProcurementException;
}

describe('alerts and routing sections', () => {
  it('parses the example sections of policy.example.yaml', () => {
    const s = parseAlertsSection(exampleBlock(), 'policy.example.yaml', calendar);
    expect(s.routing.defaultChannel).toBe('#procurement-alerts');
    expect(s.routing.rules.map((r) => r.name)).toEqual(['joliet-receiving', 'other-receiving', 'buyers', 'finance-eu', 'finance']);
    expect(s.lifecycle).toMatchObject({ escalateAfterBusinessHours: 4, burst: { max: 10, windowMs: 60_000 }, digestEveryMinutes: 240 });
    expect(s.thresholds.lateReceipt.warehouses).toHaveLength(2);
  });

  it('defaults without the sections: everything to the fallback channel', () => {
    const s = parseAlertsSection('timezone: UTC\n', 'p.yaml', calendar);
    expect(routeException(exception('late-receipt', {}), s.routing)).toMatchObject({ channels: ['#procurement-alerts'], rule: 'default', ownerUserId: 7 });
  });

  it('routes by type, warehouse (code alias), company; first match wins; unrouted to the default', () => {
    const { routing } = parseAlertsSection(exampleBlock(), 'p.yaml', calendar);
    const aliases = (r: { model: string; id: number }) => (r.model === 'stock.warehouse' && r.id === 1 ? ['WH'] : []);
    expect(routeException(exception('late-receipt', { warehouse: { id: 1, name: 'Joliet DC' } }), routing, aliases)).toMatchObject({ channels: ['#joliet-receiving'], ownerLogin: 'warehouse@northgate-supply.example', ownerUserId: null });
    expect(routeException(exception('late-receipt', { warehouse: { id: 2, name: 'Atlanta DC' } }), routing, aliases).channels).toEqual(['#receiving']);
    expect(routeException(exception('bill-price-mismatch', { company: { id: 2, name: 'Northgate Supply Europe B.V.' } }), routing).channels).toEqual(['#finance-eu']);
    expect(routeException(exception('bill-without-po', {}), routing).channels).toEqual(['#finance', '#ap-team']);
    const none = parseAlertsSection('routing:\n  default_channel: C0DEF\n  rules:\n    - { types: [bill-*], channels: [C0FIN] }\n', 'p.yaml', calendar).routing;
    expect(routeException(exception('late-receipt', {}), none)).toMatchObject({ channels: ['C0DEF'], rule: 'default' });
  });

  it('names file, line and column of a wrong value', () => {
    const text = 'timezone: UTC\nrouting:\n  default_channel: C0DEF\n  rules:\n    - types: [late-reciept]\n      channels: [C0X]\n';
    expect(() => parseAlertsSection(text, 'policy.yaml', calendar)).toThrow(/^policy\.yaml:5:15: routing\.rules\[0\]\.types\[0\] must be an exception type/);
    expect(() => parseAlertsSection('alerts:\n  lifecycle:\n    burst: { max: 0 }\n', 'policy.yaml', calendar)).toThrow(/^policy\.yaml:3:19: alerts\.lifecycle\.burst\.max/);
    expect(() => parseAlertsSection('alerts:\n  late_receipt: { grace: 2 }\n', 'policy.yaml', calendar)).toThrow(/^policy\.yaml:2:\d+: alerts\.late_receipt/);
  });
});
