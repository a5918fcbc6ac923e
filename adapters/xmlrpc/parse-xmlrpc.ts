import { PyFloat, type RpcValue } from './rpc-value.ts';

/**
 * A small, linear XML-RPC reader for methodCall (requests) and methodResponse (used by tests).
 *
 * Hand-written rather than a generic XML parser because the grammar is tiny and the bot reads
 * large result sets: one pass, no DOM. It accepts what Python's xmlrpc.client and the npm
 * `xmlrpc` client send: typed values, a bare `<value>text</value>` (a string), `<string/>`,
 * CDATA sections, character references, `<nil/>` and `<ex:nil/>`. DOCTYPEs are refused (no
 * entity expansion), like Odoo's defusedxml-style hardening.
 */
export class XmlRpcParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export interface MethodCall {
  methodName: string;
  params: RpcValue[];
}

export interface ParseOptions {
  /** Keep `<double>` as PyFloat (tests compare value types); default: plain numbers. */
  keepDoubles?: boolean;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class Reader {
  pos = 0;
  constructor(
    readonly s: string,
    readonly opts: ParseOptions,
  ) {}

  fail(message: string): never {
    const before = this.s.slice(0, this.pos);
    const line = before.split('\n').length;
    const column = this.pos - before.lastIndexOf('\n') - 1;
    throw new XmlRpcParseError(message, line, column);
  }

  skipWs(): void {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else if (s.startsWith('<!--', this.pos)) {
        const end = s.indexOf('-->', this.pos + 4);
        if (end < 0) this.fail('unclosed comment');
        this.pos = end + 3;
      } else break;
    }
  }

  prolog(): void {
    if (this.s.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.skipWs();
    if (this.s.startsWith('<?xml', this.pos)) {
      const end = this.s.indexOf('?>', this.pos);
      if (end < 0) this.fail('unclosed XML declaration');
      this.pos = end + 2;
    }
    this.skipWs();
    if (this.s.startsWith('<!DOCTYPE', this.pos)) this.fail('DOCTYPE is not allowed');
  }

  /** Reads `<name>` or `<name/>`; returns true when self-closing. */
  open(name: string): boolean {
    this.skipWs();
    const tag = this.peekTag();
    if (tag?.name !== name || tag.closing) this.fail(`expected <${name}>`);
    this.pos = tag.end;
    return tag.selfClosing;
  }

  close(name: string): void {
    this.skipWs();
    const tag = this.peekTag();
    if (tag?.name !== name || !tag.closing) this.fail(`expected </${name}>`);
    this.pos = tag.end;
  }

  peekTag(): { name: string; closing: boolean; selfClosing: boolean; end: number } | undefined {
    const s = this.s;
    if (s.charCodeAt(this.pos) !== 60 /* < */) return undefined;
    const end = s.indexOf('>', this.pos);
    if (end < 0) this.fail('unclosed tag');
    let inner = s.slice(this.pos + 1, end);
    const closing = inner.startsWith('/');
    if (closing) inner = inner.slice(1);
    const selfClosing = inner.endsWith('/');
    if (selfClosing) inner = inner.slice(0, -1);
    const name = inner.trim().split(/\s+/)[0] ?? '';
    return { name, closing, selfClosing, end: end + 1 };
  }

  /** Character data up to the next tag (CDATA sections included), entities decoded. */
  text(): string {
    const s = this.s;
    let out = '';
    for (;;) {
      const lt = s.indexOf('<', this.pos);
      if (lt < 0) this.fail('unexpected end of document');
      out += decodeEntities(s.slice(this.pos, lt), this);
      this.pos = lt;
      if (s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9);
        if (end < 0) this.fail('unclosed CDATA section');
        out += s.slice(lt + 9, end);
        this.pos = end + 3;
        continue;
      }
      return out;
    }
  }

  value(): RpcValue {
    if (this.open('value')) return '';
    const leading = this.text();
    const tag = this.peekTag();
    if (tag?.closing && tag.name === 'value') {
      this.pos = tag.end;
      return leading; // bare <value>text</value> is a string
    }
    if (leading.trim() !== '') this.fail('mixed content in <value>');
    const v = this.typed();
    this.close('value');
    return v;
  }

  typed(): RpcValue {
    const tag = this.peekTag();
    if (!tag || tag.closing) this.fail('expected a value type');
    const name = tag.name;
    this.pos = tag.end;
    if (name === 'nil' || name === 'ex:nil') {
      if (!tag.selfClosing) this.close(name);
      return null;
    }
    if (name === 'array') return this.array(tag.selfClosing);
    if (name === 'struct') return this.struct(tag.selfClosing);
    const raw = tag.selfClosing ? '' : this.text();
    if (!tag.selfClosing) this.close(name);
    switch (name) {
      case 'string':
        return raw;
      case 'int':
      case 'i4':
      case 'i8':
      case 'ex:i8': {
        const t = raw.trim();
        if (!/^[-+]?\d+$/.test(t)) this.fail(`invalid integer ${JSON.stringify(t)}`);
        return Number(t);
      }
      case 'boolean': {
        const t = raw.trim();
        if (t !== '0' && t !== '1') this.fail(`invalid boolean ${JSON.stringify(t)}`);
        return t === '1';
      }
      case 'double':
      case 'ex:float': {
        const n = Number(raw.trim());
        if (raw.trim() === '' || Number.isNaN(n)) this.fail(`invalid double ${JSON.stringify(raw)}`);
        return this.opts.keepDoubles ? new PyFloat(n) : n;
      }
      case 'dateTime.iso8601':
        return isoToOdooDatetime(raw.trim());
      case 'base64':
        return Buffer.from(raw.replace(/\s+/g, ''), 'base64');
      default:
        return this.fail(`unknown value type <${name}>`);
    }
  }

  array(selfClosing: boolean): RpcValue[] {
    if (selfClosing) return [];
    const out: RpcValue[] = [];
    if (!this.open('data')) {
      for (;;) {
        this.skipWs();
        const t = this.peekTag();
        if (t?.name === 'data' && t.closing) break;
        out.push(this.value());
      }
      this.close('data');
    }
    this.close('array');
    return out;
  }

  struct(selfClosing: boolean): { [k: string]: RpcValue } {
    const out: { [k: string]: RpcValue } = {};
    if (selfClosing) return out;
    for (;;) {
      this.skipWs();
      const t = this.peekTag();
      if (t?.name === 'struct' && t.closing) break;
      this.open('member');
      this.open('name');
      const key = this.text();
      this.close('name');
      out[key] = this.value();
      this.close('member');
    }
    this.close('struct');
    return out;
  }

  params(): RpcValue[] {
    const out: RpcValue[] = [];
    this.skipWs();
    const t = this.peekTag();
    if (t?.name !== 'params' || t.closing) return out;
    if (this.open('params')) return out;
    for (;;) {
      this.skipWs();
      const p = this.peekTag();
      if (p?.name === 'params' && p.closing) break;
      this.open('param');
      out.push(this.value());
      this.close('param');
    }
    this.close('params');
    return out;
  }

  end(): void {
    this.skipWs();
    if (this.pos < this.s.length) this.fail('junk after document element');
  }
}

function decodeEntities(raw: string, r: Reader): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);?/g, (m, body: string) => {
    if (!m.endsWith(';')) r.fail('not well-formed (invalid token)');
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const e = ENTITIES[body];
    if (e === undefined) r.fail(`undefined entity &${body};`);
    return e;
  });
}

/** XML-RPC dateTime ('20261126T22:17:21') as Odoo stores datetimes ('2026-11-26 22:17:21'). */
function isoToOdooDatetime(v: string): string {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})/.exec(v);
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}` : v;
}

/** Parses an XML-RPC request body. Throws XmlRpcParseError on anything malformed. */
export function parseMethodCall(xml: string, opts: ParseOptions = {}): MethodCall {
  const r = new Reader(xml, opts);
  r.prolog();
  r.open('methodCall');
  r.open('methodName');
  const methodName = r.text().trim();
  r.close('methodName');
  const params = r.params();
  r.close('methodCall');
  r.end();
  return { methodName, params };
}

export type MethodResponse = { ok: true; value: RpcValue } | { ok: false; faultCode: number; faultString: string };

/** Parses an XML-RPC response body (tests and tools). */
export function parseMethodResponse(xml: string, opts: ParseOptions = {}): MethodResponse {
  const r = new Reader(xml, opts);
  r.prolog();
  r.open('methodResponse');
  r.skipWs();
  const t = r.peekTag();
  if (t?.name === 'fault') {
    r.open('fault');
    const f = r.value() as { faultCode?: number; faultString?: string };
    r.close('fault');
    r.close('methodResponse');
    return { ok: false, faultCode: Number(f.faultCode), faultString: String(f.faultString) };
  }
  const params = r.params();
  r.close('methodResponse');
  r.end();
  return { ok: true, value: params[0] ?? null };
}
