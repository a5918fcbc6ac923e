import type { RpcValue } from '../../xmlrpc/rpc-value.ts';

/**
 * Python literals both ways: repr() for messages Odoo builds with %r, and a safe reader for the
 * literal strings Odoo stores, such as base.automation.filter_domain
 * "[('state', '=', 'to approve')]". Never eval: only lists, tuples, strings, numbers, True,
 * False and None are understood.
 */
export function pythonRepr(v: RpcValue | undefined): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(v)) return `[${v.map(pythonRepr).join(', ')}]`;
  if (typeof v === 'object' && 'value' in v && typeof v.value === 'number') return String(v.value);
  return `{${Object.entries(v as Record<string, RpcValue>).map(([k, x]) => `${pythonRepr(k)}: ${pythonRepr(x)}`).join(', ')}}`;
}

/** A domain leaf as Python prints a tuple: ('state', '=', 'draft'). */
export function pythonTupleRepr(items: RpcValue[]): string {
  return `(${items.map(pythonRepr).join(', ')}${items.length === 1 ? ',' : ''})`;
}

export class PythonLiteralError extends Error {}

/** Parses a Python literal made of lists, tuples (as arrays), strings, numbers, booleans, None. */
export function parsePythonLiteral(src: string): RpcValue {
  let i = 0;
  const ws = () => {
    while (i < src.length && /\s/.test(src[i] ?? '')) i++;
  };
  const fail = (what: string): never => {
    throw new PythonLiteralError(`${what} at offset ${i} in ${JSON.stringify(src)}`);
  };
  const value = (): RpcValue => {
    ws();
    const c = src[i];
    if (c === '[' || c === '(') {
      const close = c === '[' ? ']' : ')';
      i++;
      const out: RpcValue[] = [];
      for (;;) {
        ws();
        if (src[i] === close) {
          i++;
          return out;
        }
        out.push(value());
        ws();
        if (src[i] === ',') i++;
        else if (src[i] !== close) fail(`expected , or ${close}`);
      }
    }
    if (c === "'" || c === '"') {
      i++;
      let s = '';
      while (i < src.length && src[i] !== c) {
        if (src[i] === '\\') {
          i++;
          const e = src[i] ?? '';
          s += e === 'n' ? '\n' : e === 't' ? '\t' : e;
        } else s += src[i];
        i++;
      }
      if (src[i] !== c) fail('unterminated string');
      i++;
      return s;
    }
    const m = /^(True|False|None|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/.exec(src.slice(i));
    if (!m?.[1]) return fail('unsupported Python expression');
    i += m[1].length;
    if (m[1] === 'True') return true;
    if (m[1] === 'False') return false;
    if (m[1] === 'None') return null;
    return Number(m[1]);
  };
  const v = value();
  ws();
  if (i !== src.length) fail('trailing characters');
  return v;
}
