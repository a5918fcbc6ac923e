import { PyFloat, pythonFloatRepr, type RpcValue } from './rpc-value.ts';

/**
 * Writes methodResponse bodies byte for byte like Odoo's marshaller (Python's xmlrpc.client):
 * one element per line, `<value><int>2</int></value>`, struct members in insertion order,
 * only `&`, `<` and `>` escaped in strings.
 *
 * The two majors differ in the envelope (seen in the recordings): Odoo 17 uses Python's
 * `dumps(..., methodresponse=1)`, `<?xml version='1.0'?>`; Odoo 18 uses its own OdooMarshaller,
 * `<?xml version="1.0"?>` and an extra blank line before `</methodResponse>`.
 */
export type OdooMajor = 17 | 18 | 19;

/** Thrown while encoding None: Odoo turns it into the 'cannot marshal None' fault. */
export class MarshalNoneError extends Error {
  constructor() {
    super('cannot marshal None unless allow_none is enabled');
  }
}

/** Python's int marshaller refuses values outside 32 bits ('int exceeds XML-RPC limits'). */
export class MarshalOverflowError extends Error {
  constructor() {
    super('int exceeds XML-RPC limits');
  }
}

function escapeXml(s: string): string {
  if (!/[&<>]/.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function dump(v: RpcValue | undefined, out: string[]): void {
  if (v === null || v === undefined) throw new MarshalNoneError();
  switch (typeof v) {
    case 'boolean':
      out.push(v ? '<value><boolean>1</boolean></value>\n' : '<value><boolean>0</boolean></value>\n');
      return;
    case 'number':
      if (Number.isInteger(v)) {
        if (v > 2147483647 || v < -2147483648) throw new MarshalOverflowError();
        out.push(`<value><int>${v}</int></value>\n`);
      } else out.push(`<value><double>${pythonFloatRepr(v)}</double></value>\n`);
      return;
    case 'string':
      out.push(`<value><string>${escapeXml(v)}</string></value>\n`);
      return;
    default:
      break;
  }
  if (v instanceof PyFloat) {
    out.push(`<value><double>${pythonFloatRepr(v.value)}</double></value>\n`);
  } else if (Array.isArray(v)) {
    out.push('<value><array><data>\n');
    for (const item of v) dump(item, out);
    out.push('</data></array></value>\n');
  } else if (Buffer.isBuffer(v)) {
    out.push(`<value><base64>\n${v.toString('base64')}\n</base64></value>\n`);
  } else {
    out.push('<value><struct>\n');
    for (const key of Object.keys(v)) {
      out.push('<member>\n', `<name>${escapeXml(key)}</name>\n`);
      dump(v[key], out);
      out.push('</member>\n');
    }
    out.push('</struct></value>\n');
  }
}

function envelope(version: OdooMajor, body: string): string {
  return version === 17
    ? `<?xml version='1.0'?>\n<methodResponse>\n${body}</methodResponse>\n`
    : `<?xml version="1.0"?>\n<methodResponse>\n${body}\n</methodResponse>\n`;
}

/** A successful response; throws MarshalNoneError / MarshalOverflowError like Python would. */
export function writeMethodResponse(value: RpcValue, version: OdooMajor): string {
  const out: string[] = ['<params>\n<param>\n'];
  dump(value, out);
  out.push('</param>\n</params>\n');
  return envelope(version, out.join(''));
}

export function writeFault(faultCode: number, faultString: string, version: OdooMajor): string {
  const out: string[] = ['<fault>\n'];
  dump({ faultCode, faultString }, out);
  out.push('</fault>\n');
  return envelope(version, out.join(''));
}

/** A methodCall, as Python's xmlrpc.client writes it (tests and tools). */
export function writeMethodCall(methodName: string, params: RpcValue[]): string {
  const out: string[] = [`<?xml version='1.0'?>\n<methodCall>\n<methodName>${escapeXml(methodName)}</methodName>\n<params>\n`];
  for (const p of params) {
    out.push('<param>\n');
    dump(p, out);
    out.push('</param>\n');
  }
  out.push('</params>\n</methodCall>\n');
  return out.join('');
}
