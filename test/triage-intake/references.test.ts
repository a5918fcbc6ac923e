import { describe, expect, it } from 'vitest';
import { referencesIn, senderDomain } from '../../src/triage/match-email-to-po.ts';

describe('PO references in supplier emails', () => {
  it.each([
    ['RE: PO#412 - mop heads', '', ['P00412']],
    ['Your order P00389', '', ['P00389']],
    ['Bestellung 4471', '', ['P04471']],
    ['', 'regarding purchase order no. 523 and PO 00524', ['P00523', 'P00524']],
    ['Pedido nº 77', '', ['P00077']],
    ['P.O. 1201 confirmed', '', ['P01201']],
    ['Invoice 55812', 'nothing to see', []],
    ['Re: shipment', 'Tracking 1Z999AA10123456784', []],
  ])('%s / %s -> %j', (subject, body, expected) => {
    expect(referencesIn(subject, body)).toEqual(expected);
  });

  it('reads the sender domain from a display address', () => {
    expect(senderDomain('Rick Dolan <rdolan@ApexJan.example>')).toBe('apexjan.example');
    expect(senderDomain('no-address')).toBeNull();
  });
});
