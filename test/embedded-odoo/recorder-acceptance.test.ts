/* eslint-disable @typescript-eslint/no-explicit-any -- recorded JSON and RPC answers are untyped data; the tests check their shape */
import { spawnSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { odooRecordingPath, RECORDER_SCRIPT } from '../support/paths.ts';

/**
 * The acceptance test of the embedded Odoo: the Python client that recorded real Odoo 18
 * (scripts/record-odoo-fixtures.py, stdlib only) runs to the end against it and writes
 * files with the same shapes. The recorder listens on port 18999 for the webhook: this is the
 * only file that runs it.
 */
const python = spawnSync('python3', ['--version']).status === 0;
const RECORDER = RECORDER_SCRIPT;

function load(dir: string, file: string): any {
  return JSON.parse(readFileSync(join(dir, file), 'utf8'));
}

function keysOf(records: Array<Record<string, unknown>>): string[] {
  return [...new Set(records.flatMap((r) => Object.keys(r)))].sort();
}

describe.skipIf(!python)('record-odoo-fixtures.py against the embedded Odoo (skipped: python3 not found)', () => {
  let odoo: EmbeddedOdoo;
  let out: string;
  let run: { code: number | null; stdout: string; stderr: string };

  beforeAll(async () => {
    odoo = await startEmbeddedOdoo({ version: 18, db: 'odoo' });
    out = mkdtempSync(join(tmpdir(), 'embedded-odoo-recorder-'));
    run = await new Promise((resolve) => {
      const child = spawn('python3', [RECORDER, odoo.url, 'odoo', out], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }, 60_000);
  afterAll(async () => {
    await odoo?.stop();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('runs to the end and captures the webhook three times', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/webhooks captured: 3/);
  });

  it('records the same faults and result shapes as real Odoo 18', () => {
    const ref = load(dirname(odooRecordingPath(18, 'raw_xmlrpc.json')), 'raw_xmlrpc.json');
    const got = load(out, 'raw_xmlrpc.json');
    expect(Object.keys(got).sort()).toEqual(Object.keys(ref).sort());
    for (const name of Object.keys(ref)) {
      expect(got[name].fault?.faultCode, name).toBe(ref[name].fault?.faultCode);
      const last = (f: { faultString: string } | null) => f?.faultString.trim().split('\n').at(-1);
      expect(last(got[name].fault), name).toBe(last(ref[name].fault));
      expect(typeof got[name].result, name).toBe(typeof ref[name].result);
    }
    expect(Object.keys(got.action_create_invoice.result).sort()).toEqual(Object.keys(ref.action_create_invoice.result).sort());
  });

  it('writes flows and samples with the recorded keys', () => {
    const ref = load(dirname(odooRecordingPath(18, 'flows.json')), 'flows.json');
    const got = load(out, 'flows.json');
    expect(Object.keys(got).sort()).toEqual(Object.keys(ref).sort());
    expect(got.webhook_captured).toHaveLength(3);
    for (const c of got.webhook_captured) expect(Object.keys(c.body).sort()).toEqual(Object.keys(ref.webhook_captured[0].body).sort());
    expect(got.two_step.after_buyer_confirm[0].state).toBe('to approve');
    expect(got.two_step.after_buyer_approve[0].state).toBe('to approve');
    expect(got.two_step.after_cancel[0].state).toBe('cancel');
    for (const key of ['bills', 'bill_lines', 'po_lines_after_receipt', 'picking_after_validate', 'po_chatter_after_vendor_email']) {
      expect(keysOf(got[key]), key).toEqual(keysOf(ref[key]));
    }
    expect(got.po_lines_after_receipt[0]).toMatchObject({ qty_received: 70, qty_invoiced: 80 });
    expect(got.bills[0].amount_total).toBe(ref.bills[0].amount_total);
    const samples = load(out, 'search_read_samples.json');
    const refSamples = load(dirname(odooRecordingPath(18, 'search_read_samples.json')), 'search_read_samples.json');
    for (const model of Object.keys(refSamples)) {
      expect(samples[model].fields_asked, model).toEqual(refSamples[model].fields_asked);
      if (samples[model].records.length && refSamples[model].records.length) {
        expect(keysOf(samples[model].records), model).toEqual(keysOf(refSamples[model].records));
      }
    }
    const fields = load(out, 'fields_get.json');
    expect(Object.keys(fields).sort()).toEqual(Object.keys(load(dirname(odooRecordingPath(18, 'fields_get.json')), 'fields_get.json')).sort());
  });
});
