import type { ChangeCursor, ChangePage, OdooDomain, OdooDomainTerm, ScanPage } from '../../src/ports/odoo-gateway.ts';
import { formatOdooDatetime } from './odoo-wire.ts';

/** Fetches one page: the domain (already including the cursor terms), an order, a limit. */
export type PageFetcher<T> = (domain: OdooDomain, order: string, limit: number) => Promise<T[]>;

export const DEFAULT_PAGE_SIZE = 200;

function checkPageSize(pageSize: number): number {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
  return pageSize;
}

/**
 * Pages by id (`id > cursor`, `id asc`): every record that exists for the whole scan is visited
 * exactly once, whatever is inserted or deleted meanwhile (offsets would skip or repeat).
 */
export async function* pagesById<T extends { id: number }>(
  fetch: PageFetcher<T>,
  domain: OdooDomain,
  pageSize = DEFAULT_PAGE_SIZE,
  afterId = 0,
): AsyncGenerator<ScanPage<T>> {
  const size = checkPageSize(pageSize);
  let cursor = afterId;
  for (;;) {
    const records = await fetch([...domain, ['id', '>', cursor]], 'id asc', size);
    if (records.length === 0) return;
    cursor = records[records.length - 1]!.id;
    yield { records, lastId: cursor };
    if (records.length < size) return;
  }
}

const EPOCH: ChangeCursor = { since: new Date(0).toISOString(), idsAtSince: [] };

const toSecond = (d: Date): string => new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString();

/**
 * Pages by `write_date`. Odoo compares write_date with microseconds but sends it to the second,
 * so `>` on a sent value would return the same record again forever. Instead: `>=` the last
 * second seen, minus the ids already seen within that second; order `write_date asc, id asc`.
 */
export async function* pagesByChange<T extends { id: number; writeDate: Date }>(
  fetch: PageFetcher<T>,
  domain: OdooDomain,
  since: ChangeCursor | null,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<ChangePage<T>> {
  const size = checkPageSize(pageSize);
  let cursor = since ?? EPOCH;
  for (;;) {
    const terms: OdooDomainTerm[] = [['write_date', '>=', formatOdooDatetime(new Date(cursor.since))]];
    if (cursor.idsAtSince.length > 0) terms.push(['id', 'not in', cursor.idsAtSince]);
    const records = await fetch([...domain, ...terms], 'write_date asc, id asc', size);
    if (records.length === 0) return;
    const last = toSecond(records[records.length - 1]!.writeDate);
    const seenAtLast = records.filter((r) => toSecond(r.writeDate) === last).map((r) => r.id);
    cursor = {
      since: last,
      idsAtSince: last === cursor.since ? [...cursor.idsAtSince, ...seenAtLast] : seenAtLast,
    };
    yield { records, cursor };
    if (records.length < size) return;
  }
}
