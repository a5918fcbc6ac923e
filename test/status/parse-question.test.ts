import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/status/parse-command.ts';
import { offlineInterpreter, parseQuestion } from '../../src/status/parse-question.ts';
import { commandFor, statusQuerySchema, toStatusQuery, type StatusQuery } from '../../src/status/status-query.ts';

describe('parseQuestion (offline)', () => {
  it.each<[string, StatusQuery]>([
    ["what's late from Acme?", { kind: 'late_receipts', warehouse: null, vendor: 'Acme', page: 1 }],
    ['anything stuck at WH-North?', { kind: 'late_receipts', warehouse: 'WH-North', vendor: null, page: 1 }],
    ['late', { kind: 'late_receipts', warehouse: null, vendor: null, page: 1 }],
    ['overdue receipts in Reno DC from Keller Hygiene', { kind: 'late_receipts', warehouse: 'Reno DC', vendor: 'Keller Hygiene', page: 1 }],
    ['late at Joliet DC page 3', { kind: 'late_receipts', warehouse: 'Joliet DC', vendor: null, page: 3 }],
    ['my approvals', { kind: 'my_approvals', page: 1 }],
    ['what is waiting for my approval?', { kind: 'my_approvals', page: 1 }],
    ['where is P00042', { kind: 'po_status', ref: 'P00042' }],
    ["where's po 42?", { kind: 'po_status', ref: 'po 42' }],
    ['PO#42', { kind: 'po_status', ref: 'PO#42' }],
    ['status of SO-58213', { kind: 'po_status', ref: 'SO-58213' }],
    ['SO-58213', { kind: 'po_status', ref: 'SO-58213' }],
    ['unconfirmed older than 5 days', { kind: 'unconfirmed', olderThanDays: 5, vendor: null, page: 1 }],
    ['which POs are not confirmed for 10 days from Acme', { kind: 'unconfirmed', olderThanDays: 10, vendor: 'Acme', page: 1 }],
    ['unconfirmed', { kind: 'unconfirmed', olderThanDays: 3, vendor: null, page: 1 }],
    ['mine', { kind: 'my_exceptions', page: 1 }],
    ['my POs with exceptions', { kind: 'my_exceptions', page: 1 }],
    ['vendor Acme', { kind: 'vendor_pos', vendor: 'Acme', page: 1 }],
    ['POs from Keller Hygiene', { kind: 'vendor_pos', vendor: 'Keller Hygiene', page: 1 }],
    ['<@UBOT0001> where is P00042?', { kind: 'po_status', ref: 'P00042' }],
    ['help', { kind: 'help' }],
    ['', { kind: 'help' }],
  ])('%s', (text, expected) => {
    expect(parseQuestion(text)).toEqual(expected);
  });

  it.each(['what is the meaning of life', 'hello there', 'please approve everything', 'delete all orders'])('does not guess at "%s"', (text) => {
    expect(parseQuestion(text)).toBeNull();
  });

  it('is the offline QuestionInterpreter', async () => {
    await expect(offlineInterpreter.interpret('my approvals')).resolves.toEqual({ kind: 'my_approvals', page: 1 });
    await expect(offlineInterpreter.interpret('tell me a joke')).resolves.toBeNull();
  });

  it('reads back the continuation command of every list query', () => {
    const queries: StatusQuery[] = [
      { kind: 'late_receipts', warehouse: 'Joliet DC', vendor: 'Acme', page: 2 },
      { kind: 'unconfirmed', olderThanDays: 7, vendor: null, page: 4 },
      { kind: 'vendor_pos', vendor: 'Keller Hygiene', page: 2 },
      { kind: 'my_approvals', page: 2 },
      { kind: 'my_exceptions', page: 5 },
    ];
    for (const q of queries) expect(parseQuestion(commandFor(q))).toEqual(q);
  });
});

describe('the structured query schema (what an LLM must produce)', () => {
  it('fills defaults and refuses anything else', () => {
    expect(toStatusQuery({ kind: 'late_receipts' })).toEqual({ kind: 'late_receipts', warehouse: null, vendor: null, page: 1 });
    expect(toStatusQuery({ kind: 'approve_po', ref: 'P00042' })).toBeNull();
    expect(toStatusQuery({ kind: 'vendor_pos', vendor: '' })).toBeNull();
    expect(toStatusQuery({ kind: 'unconfirmed', olderThanDays: -1 })).toBeNull();
    expect(statusQuerySchema.safeParse({ kind: 'my_approvals', page: 0 }).success).toBe(false);
  });
});

describe('parseCommand (/po)', () => {
  it('takes share off the end', () => {
    expect(parseCommand('P00042 share')).toEqual({ text: 'P00042', share: true });
    expect(parseCommand('  late at  Joliet ')).toEqual({ text: 'late at Joliet', share: false });
    expect(parseCommand('')).toEqual({ text: '', share: false });
  });
});
