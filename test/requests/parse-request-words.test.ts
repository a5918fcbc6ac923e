import { describe, expect, it } from 'vitest';
import { looksLikeRequest, parseRequestWords } from '../../src/requests/parse-request-words.ts';

// Wednesday 2 December 2026, noon in Chicago.
const NOW = new Date('2026-12-02T18:00:00Z');

describe('plain words to a request form prefill', () => {
  it('reads quantity, product words, warehouse and day', () => {
    expect(parseRequestWords('we need 40 cases of gloves for ATL by Friday', NOW, 'America/Chicago')).toEqual({ quantity: 40, productText: 'gloves', warehouseText: 'ATL', neededBy: '2026-12-04' });
    expect(parseRequestWords('please order 12 mop heads at Joliet DC by 2026-12-20', NOW, 'America/Chicago')).toEqual({ quantity: 12, productText: 'mop heads', warehouseText: 'Joliet DC', neededBy: '2026-12-20' });
    // "by Wednesday" on a Wednesday is next week's.
    expect(parseRequestWords('need 3 pallets of stretch film by wednesday', NOW, 'America/Chicago').neededBy).toBe('2026-12-09');
    expect(parseRequestWords('we need 2.5 drums of degreaser', NOW, 'America/Chicago')).toMatchObject({ quantity: 2.5, productText: 'degreaser', warehouseText: null, neededBy: null });
  });

  it('tells requests from questions', () => {
    expect(looksLikeRequest('we need 40 cases of gloves for ATL by Friday')).toBe(true);
    expect(looksLikeRequest("what's late from Sunvale?")).toBe(false);
    expect(looksLikeRequest('P00042')).toBe(false);
    expect(looksLikeRequest('we need an update on P00042')).toBe(false);
  });
});
