/**
 * Values that travel over XML-RPC, as the embedded Odoo handles them.
 *
 * Python keeps int and float apart and Odoo answers float fields as `<double>12000.0</double>`;
 * a JS number cannot say which it is, so the ORM wraps float values in PyFloat before encoding.
 * `null` is Python's None: encoding it fails exactly like Odoo's marshaller (allow_none=False).
 */
export class PyFloat {
  constructor(readonly value: number) {}
}

export type RpcValue =
  | null
  | boolean
  | number
  | string
  | PyFloat
  | Buffer
  | RpcValue[]
  | { [key: string]: RpcValue };

export type RpcStruct = { [key: string]: RpcValue };

export function isStruct(v: unknown): v is RpcStruct {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof PyFloat) && !Buffer.isBuffer(v);
}

/** Python's repr() of a float: shortest round-trip digits, '12000.0', '1e-05', '1e+16'. */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa = '0', expText = '0'] = x.toExponential().split('e');
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exp < -4 || exp >= 16) {
    const frac = digits.slice(1);
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${digits[0]}${frac ? '.' + frac : ''}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const fracPart = digits.slice(exp + 1);
  return `${sign}${intPart}.${fracPart || '0'}`;
}
