/**
 * The embedded Odoo kept on disk (adapters/embedded-odoo/persist/durable-store.ts): what an RPC
 * changed survives a clean stop and a crash (SIGKILL right after the answer), a torn last journal
 * line is dropped, and a directory made for another Odoo or used by a live process is refused.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Odoo from 'odoo-await';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

const dirs: string[] = [];
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'durable-odoo-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function client(url: string) {
  const odoo = new Odoo({ baseUrl: url, db: 'odoo', username: 'admin', password: 'admin' });
  await odoo.connect();
  return odoo;
}

/** A confirmed PO with one line, made over XML-RPC; its name and id. */
async function confirmedPo(url: string): Promise<{ id: number; name: string }> {
  const odoo = await client(url);
  const [vendor] = await odoo.search('res.partner', [['supplier_rank', '>', 0]]);
  const [product] = await odoo.search('product.product', [['purchase_ok', '=', true]]);
  const id = await odoo.create('purchase.order', { partner_id: vendor, order_line: [[0, 0, { product_id: product, product_qty: 2, price_unit: 12.5 }]] });
  await odoo.execute_kw('purchase.order', 'button_confirm', [[id]]);
  const [po] = await odoo.read<{ name: string }>('purchase.order', [id], ['name']);
  return { id, name: po!.name };
}

async function readPo(url: string, id: number) {
  const [po] = await (await client(url)).read<Record<string, unknown>>('purchase.order', [id], ['name', 'state', 'amount_total', 'picking_ids']);
  return po;
}

describe('the embedded Odoo on disk', () => {
  it('keeps what RPCs changed across a clean stop, and ids go on where they stopped', async () => {
    const dir = newDir();
    const first = await startEmbeddedOdoo({ dataDir: dir });
    expect(first.restored).toBe(false);
    const po = await confirmedPo(first.url);
    const before = await readPo(first.url, po.id);
    await first.stop();
    expect(existsSync(join(dir, 'lock'))).toBe(false);

    const second = await startEmbeddedOdoo({ dataDir: dir });
    try {
      expect(second.restored).toBe(true);
      expect(await readPo(second.url, po.id)).toEqual(before);
      expect(before).toMatchObject({ state: 'purchase', amount_total: 25 });
      const next = await confirmedPo(second.url);
      expect(next.id).toBe(po.id + 1);
      expect(next.name).not.toBe(po.name);
    } finally {
      await second.stop();
    }
  });

  it('keeps a change answered just before a crash (SIGKILL), and takes over the dead process\'s lock', async () => {
    const dir = newDir();
    const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'test/embedded-odoo/fixtures/serve-durable-odoo.ts'), dir], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((done) => child.once('exit', done));
    try {
      const [line] = await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next().then((r) => [r.value as string]);
      const { url } = JSON.parse(line!) as { url: string };
      const po = await confirmedPo(url);
      child.kill('SIGKILL');
      await exited;
      expect(readFileSync(join(dir, 'lock'), 'utf8')).toBe(String(child.pid));

      const after = await startEmbeddedOdoo({ dataDir: dir });
      try {
        expect(after.restored).toBe(true);
        expect(await readPo(after.url, po.id)).toMatchObject({ name: po.name, state: 'purchase', amount_total: 25 });
      } finally {
        await after.stop();
      }
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  it('drops a torn last journal line (a crash mid-append) and keeps every whole one', async () => {
    const dir = newDir();
    const odoo = await startEmbeddedOdoo({ dataDir: dir });
    const po = await confirmedPo(odoo.url);
    // A copy taken while it runs: the journal holds the PO, as after a crash.
    const journal = readdirSync(dir).find((f) => f.startsWith('journal-'))!;
    const whole = readFileSync(join(dir, journal), 'utf8');
    expect(whole.length).toBeGreaterThan(0);
    const copy = newDir();
    writeFileSync(join(copy, 'snapshot.json'), readFileSync(join(dir, 'snapshot.json')));
    writeFileSync(join(copy, journal), whole);
    appendFileSync(join(copy, journal), '{"op":"put","model":"purchase.order","row":{"id":9');
    await odoo.stop();

    const again = await startEmbeddedOdoo({ dataDir: copy });
    try {
      expect(await readPo(again.url, po.id)).toMatchObject({ name: po.name, state: 'purchase' });
    } finally {
      await again.stop();
    }
  });

  it('refuses data made for another Odoo version, and a directory a live process holds, saying what to do', async () => {
    const dir = newDir();
    await (await startEmbeddedOdoo({ dataDir: dir, version: 17 })).stop();
    await expect(startEmbeddedOdoo({ dataDir: dir, version: 18 })).rejects.toThrow(/embedded Odoo 17 database "odoo", not Odoo 18 "odoo": run `npm run demo:reset`/);

    const held = newDir();
    const live = await startEmbeddedOdoo({ dataDir: held });
    try {
      await expect(startEmbeddedOdoo({ dataDir: held })).rejects.toThrow(/already open in this process/);
      writeFileSync(join(held, 'lock'), String(process.ppid));
      await expect(startEmbeddedOdoo({ dataDir: held })).rejects.toThrow(new RegExp(`in use by process ${process.ppid}`));
      writeFileSync(join(held, 'lock'), String(process.pid));
    } finally {
      await live.stop();
    }
  });
});
