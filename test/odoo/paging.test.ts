import { describe, expect, it } from 'vitest';
import { formatOdooDatetime } from '../../adapters/odoo/odoo-wire.ts';
import { type PageFetcher, pagesByChange, pagesById } from '../../adapters/odoo/paging.ts';
import type { OdooDomain } from '../../src/ports/odoo-gateway.ts';

interface Row {
  id: number;
  /** Microseconds since epoch, as Odoo keeps write_date in PostgreSQL. */
  writeMicros: number;
}

/** An Odoo-like table: compares write_date with microseconds, sends it truncated to the second. */
function table(rows: Row[]): { fetch: PageFetcher<{ id: number; writeDate: Date }>; calls: number } {
  const state = { calls: 0 } as { fetch: PageFetcher<{ id: number; writeDate: Date }>; calls: number };
  state.fetch = async (domain: OdooDomain, order: string, limit: number) => {
    state.calls += 1;
    let out = [...rows];
    for (const term of domain) {
      if (typeof term === 'string') throw new Error('operators not expected here');
      const [field, op, value] = term;
      if (field === 'id' && op === '>') out = out.filter((r) => r.id > (value as number));
      else if (field === 'id' && op === 'not in') out = out.filter((r) => !(value as number[]).includes(r.id));
      else if (field === 'write_date' && op === '>=') {
        const micros = Date.parse(`${String(value).replace(' ', 'T')}Z`) * 1000;
        out = out.filter((r) => r.writeMicros >= micros);
      } else throw new Error(`unexpected term ${JSON.stringify(term)}`);
    }
    out.sort(order === 'id asc' ? (a, b) => a.id - b.id : (a, b) => a.writeMicros - b.writeMicros || a.id - b.id);
    return out.slice(0, limit).map((r) => ({ id: r.id, writeDate: new Date(Math.floor(r.writeMicros / 1e6) * 1000) }));
  };
  return state;
}

async function collect<T>(it: AsyncIterable<{ records: T[] }>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of it) out.push(...page.records);
  return out;
}

const T0 = Date.parse('2026-11-26T22:17:21Z') * 1000;

describe('pagesById', () => {
  it('visits every record once, in id order, with gaps in ids', async () => {
    const rows = Array.from({ length: 1234 }, (_, i) => ({ id: i * 3 + 1, writeMicros: T0 }));
    const t = table(rows);
    const seen = (await collect(pagesById(t.fetch, [], 200))).map((r) => r.id);
    expect(seen).toEqual(rows.map((r) => r.id));
    expect(t.calls).toBe(7);
  });

  it('resumes after a cursor and stops on an exact multiple of the page size', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ id: i + 1, writeMicros: T0 }));
    const pages = [];
    for await (const p of pagesById(table(rows).fetch, [], 100, 100)) pages.push(p.lastId);
    expect(pages).toEqual([200, 300, 400]);
  });

  it('refuses a page size that would loop', async () => {
    await expect(collect(pagesById(table([]).fetch, [], 0))).rejects.toThrow(RangeError);
  });
});

describe('pagesByChange', () => {
  it('terminates and visits all when many records share one second (more than a page)', async () => {
    // 500 records written within the same second, microseconds in reverse id order
    const rows = Array.from({ length: 500 }, (_, i) => ({ id: i + 1, writeMicros: T0 + (500 - i) * 1000 }));
    const seen = (await collect(pagesByChange(table(rows).fetch, [], null, 64))).map((r) => r.id);
    expect(new Set(seen).size).toBe(500);
    expect(seen).toHaveLength(500);
  });

  it('resumes from a persisted cursor: only later changes, and a record re-written comes again', async () => {
    const rows: Row[] = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, writeMicros: T0 + i * 400_000 }));
    const t = table(rows);
    let cursor = null;
    for await (const page of pagesByChange(t.fetch, [], null, 20)) cursor = page.cursor;
    expect(cursor).not.toBeNull();
    // nothing changed: nothing comes back
    expect(await collect(pagesByChange(t.fetch, [], cursor, 20))).toEqual([]);
    // record 3 written again later, and a new record 51
    rows[2]!.writeMicros = T0 + 60_000_000;
    rows.push({ id: 51, writeMicros: T0 + 61_000_000 });
    const again = await collect(pagesByChange(t.fetch, [], JSON.parse(JSON.stringify(cursor)), 20));
    expect(again.map((r) => r.id)).toEqual([3, 51]);
    expect(formatOdooDatetime(again[0]!.writeDate)).toBe('2026-11-26 22:18:21');
  });
});
