import type { OdooRecordKind, OdooRecordKinds } from '../../domain/odoo-records.ts';
import type { OdooDomain, OdooGateway } from '../../ports/odoo-gateway.ts';
import type { KeyInScope } from '../clear-exceptions.ts';
import type { DetectionInput } from '../detect-all.ts';
import type { ExceptionType } from '../exception.ts';

/** What one source read from Odoo: the records to detect on, and which keys the read covers. */
export interface SourceRead {
  snapshot: DetectionInput;
  /** The exception types this read can find (detectAll runs them all; others are dropped). */
  types: readonly ExceptionType[];
  /** Only these open keys may clear (a read of one record cannot clear the others). */
  inScope: KeyInScope;
  /** Records read from Odoo, for the logs and the scan bench. */
  recordsRead: number;
}

/**
 * A full scan of one source, a page of records at a time with what detection needs of them, so
 * a scan's memory is one page whatever the size of the database. `inScope` covers the whole scan
 * (read it after the pages: a scan of changes knows its subjects only then).
 */
export interface SourcePages {
  types: readonly ExceptionType[];
  pages(): AsyncIterable<SourceRead>;
  inScope: KeyInScope;
}

/** Ids per `in` term: Odoo takes long lists, but one page per request keeps each answer small. */
export const IN_CHUNK = 500;
export const PAGE_SIZE = 500;

/** Counts what it reads, so a scan can say how much of Odoo it looked at. */
export class CountingReader {
  recordsRead = 0;
  constructor(readonly odoo: Pick<OdooGateway, 'scan' | 'read' | 'search'>) {}

  /** Every record matching the domain, paged by id. */
  async all<K extends OdooRecordKind>(kind: K, domain: OdooDomain): Promise<OdooRecordKinds[K][]> {
    const out: OdooRecordKinds[K][] = [];
    for await (const page of this.odoo.scan(kind, { domain, pageSize: PAGE_SIZE })) {
      out.push(...page.records);
      this.recordsRead += page.records.length;
    }
    return out;
  }

  /** Records whose `field` is one of `values`, in chunks. */
  async where<K extends OdooRecordKind>(kind: K, field: string, values: readonly (number | string)[], extra: OdooDomain = []): Promise<OdooRecordKinds[K][]> {
    const out: OdooRecordKinds[K][] = [];
    const unique = [...new Set(values)];
    for (let i = 0; i < unique.length; i += IN_CHUNK) out.push(...(await this.all(kind, [[field, 'in', unique.slice(i, i + IN_CHUNK)], ...extra])));
    return out;
  }

  async byIds<K extends OdooRecordKind>(kind: K, ids: readonly number[]): Promise<OdooRecordKinds[K][]> {
    const out: OdooRecordKinds[K][] = [];
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += IN_CHUNK) {
      const got = await this.odoo.read(kind, unique.slice(i, i + IN_CHUNK));
      this.recordsRead += got.length;
      out.push(...got);
    }
    return out;
  }
}

/** In scope: keys of these types whose subject is one of these ids. */
export function keysOfSubjects(types: readonly ExceptionType[], model: string, ids: Iterable<number>): KeyInScope {
  const wanted = new Set<string>();
  for (const id of ids) for (const t of types) wanted.add(`${t}:${model}:${id}`);
  return (key) => wanted.has(key);
}
