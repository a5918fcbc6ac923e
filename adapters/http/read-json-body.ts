import type { Response } from 'express';
import type { z } from 'zod';

export type JsonBodyReading<T> = { ok: true; data: T } | { ok: false; outcome: 'malformed' | 'invalid'; body: { error: string; message: string } };

/** Parses a raw webhook body as JSON and validates it: the data, or the 400 answer with a stable code. */
export function parseJsonBody<S extends z.ZodType>(raw: unknown, schema: S): JsonBodyReading<z.infer<S>> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : '');
  } catch {
    return { ok: false, outcome: 'malformed', body: { error: 'malformed_body', message: 'the body is not JSON' } };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, outcome: 'invalid', body: { error: 'invalid_body', message: `${issue.path.join('.') || 'body'}: ${issue.message}` } };
  }
  return { ok: true, data: parsed.data };
}

/**
 * Parses a raw webhook body as JSON and validates it with a schema; on failure answers 400 with
 * a stable code (`malformed_body` or `invalid_body` naming the field) and returns null.
 */
export function readJsonBody<S extends z.ZodType>(raw: unknown, schema: S, res: Response, count: (outcome: string) => void): z.infer<S> | null {
  const reading = parseJsonBody(raw, schema);
  if (reading.ok) return reading.data;
  count(reading.outcome);
  res.status(400).json(reading.body);
  return null;
}
