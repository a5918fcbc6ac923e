import { z } from 'zod';
import type { Ref } from '../../../src/domain/odoo-records.ts';
import { parseOdooDatetime } from '../odoo-wire.ts';

/**
 * zod schemas of Odoo's wire values (17.0 and 18.0 XML-RPC), each turning Odoo's `false` for
 * "empty" into null so the core never sees it.
 */

/** A many2one: `[id, "Display Name"]` or false. */
export const many2one = z
  .union([z.tuple([z.number().int(), z.union([z.string(), z.literal(false)])]), z.literal(false)])
  .transform((v): Ref | null => (v === false ? null : { id: v[0], name: v[1] === false ? '' : v[1] }));

/** A many2one that is required on the model (never false). */
export const many2oneRequired = z
  .tuple([z.number().int(), z.union([z.string(), z.literal(false)])])
  .transform((v): Ref => ({ id: v[0], name: v[1] === false ? '' : v[1] }));

/** char/text/html: a string, or false when empty. */
export const text = z.union([z.string(), z.literal(false)]).transform((v) => (v === false ? null : v));

/** x2many: a list of ids. */
export const ids = z.array(z.number().int());

export const id = z.number().int().positive();

const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** datetime: `YYYY-MM-DD HH:MM:SS` in UTC, or false; becomes a Date. */
export const datetime = z
  .union([z.string().regex(DATETIME, 'expected YYYY-MM-DD HH:MM:SS'), z.literal(false)])
  .transform((v) => (v === false ? null : parseOdooDatetime(v)));

/** A datetime Odoo always sets (write_date, message date). */
export const datetimeRequired = z
  .string()
  .regex(DATETIME, 'expected YYYY-MM-DD HH:MM:SS')
  .transform((v) => parseOdooDatetime(v));

/** date: `YYYY-MM-DD`, or false; stays an ISO string (a calendar day has no time zone). */
export const date = z
  .union([z.string().regex(DATE, 'expected YYYY-MM-DD'), z.literal(false)])
  .transform((v) => (v === false ? null : v));

/** A selection field, or false when unset. */
export function selection<const T extends readonly [string, ...string[]]>(values: T) {
  return z.union([z.enum(values), z.literal(false)]).transform((v) => (v === false ? null : v));
}
