import type { Response } from 'express';
import type { z } from 'zod';

/**
 * Parses a raw webhook body as JSON and validates it with a schema; on failure answers 400 with
 * a stable code (`malformed_body` or `invalid_body` naming the field) and returns null.
 */
export function readJsonBody<S extends z.ZodType>(raw: unknown, schema: S, res: Response, count: (outcome: string) => void): z.infer<S> | null {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : '');
  } catch {
    count('malformed');
    res.status(400).json({ error: 'malformed_body', message: 'the body is not JSON' });
    return null;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    count('invalid');
    const issue = parsed.error.issues[0]!;
    res.status(400).json({ error: 'invalid_body', message: `${issue.path.join('.') || 'body'}: ${issue.message}` });
    return null;
  }
  return parsed.data;
}
