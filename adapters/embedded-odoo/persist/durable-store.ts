/**
 * The demo's Odoo on disk, so a restarted demo finds the Odoo its Redis remembers (an approved PO
 * stays approved). Layout of the directory:
 * - `snapshot.json`: the whole store at one moment, with its generation number and what it was made for;
 * - `journal-<generation>.ndjson`: every change since that snapshot, one JSON line each (the whole
 *   row after the change, so replaying a line twice is harmless);
 * - `lock`: the pid of the process using the directory.
 *
 * Crash safety: changes are appended and fdatasync'ed before the RPC that made them is answered
 * (`flush`), so what the bot was told is written is on disk; a crash can only tear the last line,
 * which is dropped on the next start. A snapshot is written to a temporary file, synced and
 * renamed over the old one; the journal of the new generation starts empty, so a crash between
 * the rename and the old journal's removal replays nothing twice.
 */
import { closeSync, existsSync, fdatasyncSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { OdooStore, type StoreChange, type StoreImage } from '../store.ts';

/** What a snapshot was made for: a different Odoo version or database cannot be reused. */
export interface DurableStoreMeta {
  version: number;
  db: string;
  /** The dataset it was seeded with (informative: the data is kept whatever the settings say now). */
  dataset: string;
}

interface Snapshot {
  format: 1;
  generation: number;
  meta: DurableStoreMeta;
  savedAt: string;
  image: StoreImage;
}

export interface OpenedStore {
  store: OdooStore;
  durable: DurableStore;
  /** True when the store was read back from disk, false when `create` made it. */
  restored: boolean;
  /** What the snapshot on disk was made for (differs from the asked meta only in `dataset`). */
  meta: DurableStoreMeta;
}

/** Journals past this size are folded into a new snapshot. */
const COMPACT_AFTER_BYTES = 32 * 1024 * 1024;

export class DurableStoreError extends Error {
  readonly code = 'embedded_odoo_data';
}

export class DurableStore {
  private pending: string[] = [];
  private fd: number;
  private journalBytes: number;
  private scheduled = false;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly store: OdooStore,
    private readonly meta: DurableStoreMeta,
    private generation: number,
  ) {
    const path = this.journalPath(generation);
    this.fd = openSync(path, 'a');
    this.journalBytes = statSync(path).size;
    // Serialised at once: the row object lives on and later changes must not leak into this line.
    store.onChange((change) => {
      if (this.closed) return;
      this.pending.push(`${JSON.stringify(change)}\n`);
      if (!this.scheduled) {
        // Changes made outside an RPC (none today) still reach the disk within a tick.
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * The store kept in `dir`, or a new one from `create` (then written as the first snapshot).
   * Refuses a directory another live process uses, or one made for another Odoo version or db.
   */
  static async open(dir: string, meta: DurableStoreMeta, create: () => Promise<OdooStore>): Promise<OpenedStore> {
    mkdirSync(dir, { recursive: true });
    lock(dir);
    try {
      const snapshotFile = join(dir, 'snapshot.json');
      if (!existsSync(snapshotFile)) {
        const store = await create();
        writeSnapshot(dir, { format: 1, generation: 1, meta, savedAt: new Date().toISOString(), image: store.image() });
        removeJournalsExcept(dir, 1);
        return { store, durable: new DurableStore(dir, store, meta, 1), restored: false, meta };
      }
      const snapshot = readSnapshot(snapshotFile);
      if (snapshot.meta.version !== meta.version || snapshot.meta.db !== meta.db) {
        throw new DurableStoreError(
          `${dir} holds an embedded Odoo ${snapshot.meta.version} database "${snapshot.meta.db}", not Odoo ${meta.version} "${meta.db}": run \`npm run demo:reset\` to start afresh, or set EMBEDDED_ODOO_VERSION/EMBEDDED_ODOO_DB back`,
        );
      }
      const store = OdooStore.fromImage(snapshot.image);
      replayJournal(join(dir, `journal-${snapshot.generation}.ndjson`), store);
      removeJournalsExcept(dir, snapshot.generation);
      return { store, durable: new DurableStore(dir, store, snapshot.meta, snapshot.generation), restored: true, meta: snapshot.meta };
    } catch (err) {
      unlock(dir);
      throw err;
    }
  }

  private journalPath(generation: number): string {
    return join(this.dir, `journal-${generation}.ndjson`);
  }

  /** Writes the changes made so far to the journal and syncs it (called before an RPC is answered). */
  flush(): void {
    this.scheduled = false;
    if (this.closed || this.pending.length === 0) return;
    const data = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    writeSync(this.fd, data);
    fdatasyncSync(this.fd);
    this.journalBytes += data.length;
    if (this.journalBytes > COMPACT_AFTER_BYTES) this.compact();
  }

  /** Folds the journal into a new snapshot (new generation, empty journal). */
  compact(): void {
    const next = this.generation + 1;
    writeSnapshot(this.dir, { format: 1, generation: next, meta: this.meta, savedAt: new Date().toISOString(), image: this.store.image() });
    closeSync(this.fd);
    this.fd = openSync(this.journalPath(next), 'w');
    this.journalBytes = 0;
    this.generation = next;
    removeJournalsExcept(this.dir, next);
  }

  /** Flushes, folds the journal into a snapshot (a quicker next start) and releases the directory. */
  close(): void {
    if (this.closed) return;
    this.flush();
    if (this.journalBytes > 0) this.compact();
    this.closed = true;
    closeSync(this.fd);
    unlock(this.dir);
  }
}

function writeSnapshot(dir: string, snapshot: Snapshot): void {
  const tmp = join(dir, 'snapshot.json.tmp');
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify(snapshot));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, join(dir, 'snapshot.json'));
  syncDir(dir);
}

function readSnapshot(file: string): Snapshot {
  let parsed: Partial<Snapshot>;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Snapshot>;
  } catch (err) {
    throw new DurableStoreError(`${file} cannot be read (${(err as Error).message}): run \`npm run demo:reset\` to start the demo afresh`);
  }
  if (parsed.format !== 1 || typeof parsed.generation !== 'number' || !parsed.meta || !parsed.image) {
    throw new DurableStoreError(`${file} is not a snapshot this version understands: run \`npm run demo:reset\` to start the demo afresh`);
  }
  return parsed as Snapshot;
}

/** Replays every whole line; a torn last line (a crash mid-append) is dropped and cut off the file. */
function replayJournal(file: string, store: OdooStore): void {
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  let good = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line === '') {
      good += 1;
      continue;
    }
    let change: StoreChange;
    try {
      change = JSON.parse(line) as StoreChange;
    } catch {
      if (i === lines.length - 1) break;
      throw new DurableStoreError(`${file} line ${i + 1} is damaged: run \`npm run demo:reset\` to start the demo afresh`);
    }
    store.replay(change);
    good += 1;
  }
  const kept = lines.slice(0, good).join('\n');
  if (kept.length !== text.length) writeFileSync(file, kept.endsWith('\n') || kept === '' ? kept : `${kept}\n`);
}

function removeJournalsExcept(dir: string, generation: number): void {
  for (const name of readdirSync(dir)) {
    if (/^journal-\d+\.ndjson$/.test(name) && name !== `journal-${generation}.ndjson`) rmSync(join(dir, name), { force: true });
  }
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some filesystems refuse fsync on a directory; the rename is still atomic.
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the directory for this process; a lock left by a process that died is taken over. */
function lock(dir: string): void {
  const file = join(dir, 'lock');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
    return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const holder = Number(readFileSync(file, 'utf8').trim());
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
    throw new DurableStoreError(`${dir} is in use by process ${holder} (another \`npm start\`?): stop it first`);
  }
  if (holder === process.pid) throw new DurableStoreError(`${dir} is already open in this process`);
  writeFileSync(file, String(process.pid));
}

function unlock(dir: string): void {
  rmSync(join(dir, 'lock'), { force: true });
}
