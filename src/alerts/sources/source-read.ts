import type { Company, OdooRecordKind, OdooRecordKinds, Warehouse } from '../../domain/odoo-records.ts';
import type { OdooDomain, OdooGateway } from '../../ports/odoo-gateway.ts';
import { keysOfTypes, type KeyInScope } from '../clear-exceptions.ts';
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

/**
 * A full scan of one kind of record, a page at a time: each page with what `enrich` reads for it
 * (and the warehouses and companies, read once, shared by every page).
 */
export function pagedSource<K extends OdooRecordKind>(
  odoo: Pick<OdooGateway, 'scan' | 'read' | 'search'>,
  spec: { kind: K; domain: OdooDomain; pageSize: number; types: readonly ExceptionType[] },
  enrich: (r: CountingReader, records: OdooRecordKinds[K][], warehouses: Warehouse[], companies: Company[]) => Promise<SourceRead['snapshot']>,
): SourcePages {
  const inScope = keysOfTypes(spec.types);
  return {
    types: spec.types,
    inScope,
    async *pages() {
      const r0 = new CountingReader(odoo);
      const [warehouses, companies] = await Promise.all([r0.all('warehouse', []), r0.all('company', [])]);
      let shared = r0.recordsRead;
      for await (const page of odoo.scan(spec.kind, { domain: spec.domain, pageSize: spec.pageSize })) {
        const r = new CountingReader(odoo);
        const snapshot = await enrich(r, page.records, warehouses, companies);
        yield { snapshot, types: spec.types, inScope, recordsRead: page.records.length + r.recordsRead + shared };
        shared = 0;
      }
      if (shared) yield { snapshot: { warehouses, companies }, types: spec.types, inScope, recordsRead: shared };
    },
  };
}
