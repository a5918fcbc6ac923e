import { describe, expect, it } from 'vitest';
import { findPoReference, parsePoReference, poReferenceDomain } from '../../src/status/po-reference.ts';

describe('parsePoReference', () => {
  it.each([
    ['P00042', 42], ['PO42', 42], ['po 42', 42], ['PO#42', 42], ['P0042', 42], ['p00042', 42], ['PO-42', 42], ['PO no. 42', 42], ['#42', 42], ['42', 42],
    ['purchase order 42', 42], ['"P00042"', 42], ['P00042?', 42], ['P.O. 1234', 1234],
  ])('reads %s as PO number %d', (text, n) => {
    expect(parsePoReference(text)).toMatchObject({ number: n });
  });

  it('reads a token with a digit as a vendor reference, and plain words as nothing', () => {
    expect(parsePoReference('SO-58213')).toEqual({ raw: 'SO-58213', number: null });
    expect(parsePoReference('INV/2026/0042')).toEqual({ raw: 'INV/2026/0042', number: null });
    expect(parsePoReference('late')).toBeNull();
    expect(parsePoReference('where is it')).toBeNull();
    expect(parsePoReference('')).toBeNull();
  });

  it('finds a PO number inside a sentence, not inside other words', () => {
    expect(findPoReference('where is P00042?')).toMatchObject({ number: 42 });
    expect(findPoReference('status of po #7 please')).toMatchObject({ number: 7 });
    expect(findPoReference('what is late from Acme 2000')).toBeNull();
    expect(findPoReference('shop24 stuff')).toBeNull();
  });

  it('searches the usual names of the number or the vendor reference as typed', () => {
    expect(poReferenceDomain({ raw: 'po 42', number: 42 })).toEqual(['|', ['name', 'in', ['P00042', 'PO00042', 'P42', 'PO42', 'PO 42']], ['partner_ref', '=ilike', 'po 42']]);
    expect(poReferenceDomain({ raw: 'SO-58213', number: null })).toEqual(['|', ['name', '=ilike', 'SO-58213'], ['partner_ref', '=ilike', 'SO-58213']]);
  });
});
