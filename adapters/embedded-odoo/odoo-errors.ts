import type { OdooMajor } from '../xmlrpc/write-xmlrpc.ts';

/**
 * The exceptions of the embedded Odoo, with the XML-RPC fault each one becomes
 * (odoo/addons/base/controllers/rpc.py, xmlrpc_handle_exception_int, 17.0 and 18.0):
 * UserError and unknown model -> 2 with the bare message; AccessDenied -> 3 'Access Denied';
 * AccessError -> 4 with the message; anything else -> 1 with a full Python traceback.
 */
export abstract class OdooError extends Error {
  abstract readonly faultCode: number;
}

export class UserError extends OdooError {
  readonly faultCode = 2;
}

export class AccessDenied extends OdooError {
  readonly faultCode = 3;
  constructor() {
    super('Access Denied');
  }
}

export class AccessError extends OdooError {
  readonly faultCode = 4;
}

/**
 * A Python exception that is not an Odoo exception (ValueError, AttributeError, TypeError...):
 * fault 1 whose faultString is a traceback ending in `<pythonType>: <message>`.
 */
export class PythonError extends OdooError {
  readonly faultCode = 1;
  constructor(
    readonly pythonType: string,
    message: string,
    /** Innermost frames, as 'File "...", line N, in fn\n    code' pairs, below the dispatcher. */
    readonly frames: string[] = [],
  ) {
    super(message);
  }
}

// The outer frames every execute_kw traceback starts with, copied from the recordings.
const DISPATCH_FRAMES: Record<OdooMajor, string[]> = {
  17: [
    frame('/opt/odoo/odoo/addons/base/controllers/rpc.py', 151, 'xmlrpc_2', 'response = self._xmlrpc(service)'),
    frame('/opt/odoo/odoo/addons/base/controllers/rpc.py', 127, '_xmlrpc', 'result = dispatch_rpc(service, method, params)'),
    frame('/opt/odoo/odoo/http.py', 366, 'dispatch_rpc', 'return dispatch(method, params)'),
    frame('/opt/odoo/odoo/service/model.py', 41, 'dispatch', 'res = execute_kw(db, uid, *params[3:])'),
    frame('/opt/odoo/odoo/service/model.py', 63, 'execute_kw', 'return execute(db, uid, obj, method, *args, **kw or {})'),
    frame('/opt/odoo/odoo/service/model.py', 84, 'execute', 'res = execute_cr(cr, uid, obj, method, *args, **kw)'),
    frame('/opt/odoo/odoo/service/model.py', 70, 'execute_cr', 'result = retrying(partial(odoo.api.call_kw, recs, method, args, kw), env)'),
    frame('/opt/odoo/odoo/service/model.py', 152, 'retrying', 'result = func()'),
    frame('/opt/odoo/odoo/api.py', 484, 'call_kw', 'result = _call_kw_multi(method, model, args, kwargs)'),
  ],
  18: [
    frame('/opt/odoo/odoo/addons/base/controllers/rpc.py', 161, 'xmlrpc_2', 'response = self._xmlrpc(service)'),
    frame('/opt/odoo/odoo/addons/base/controllers/rpc.py', 139, '_xmlrpc', 'result = dispatch_rpc(service, method, params)'),
    frame('/opt/odoo/odoo/http.py', 398, 'dispatch_rpc', 'return dispatch(method, params)'),
    frame('/opt/odoo/odoo/service/model.py', 39, 'dispatch', 'res = execute_kw(db, uid, *params[3:])'),
    frame('/opt/odoo/odoo/service/model.py', 61, 'execute_kw', 'return execute(db, uid, obj, method, *args, **kw or {})'),
    frame('/opt/odoo/odoo/service/model.py', 68, 'execute', 'res = execute_cr(cr, uid, obj, method, *args, **kw)'),
    frame('/opt/odoo/odoo/service/model.py', 52, 'execute_cr', 'result = retrying(partial(odoo.api.call_kw, recs, method, args, kw), env)'),
    frame('/opt/odoo/odoo/service/model.py', 137, 'retrying', 'result = func()'),
    frame('/opt/odoo/odoo/api.py', 517, 'call_kw', 'result = getattr(recs, name)(*args, **kwargs)'),
  ],
  // 19.0 moved the XML-RPC controller to addons/rpc (the recorded tracebacks show its frames)
  19: [
    frame('/opt/odoo/addons/rpc/controllers/xmlrpc.py', 161, 'xmlrpc_2', 'response = self._xmlrpc(service)'),
    frame('/opt/odoo/addons/rpc/controllers/xmlrpc.py', 139, '_xmlrpc', 'result = dispatch_rpc(service, method, params)'),
    frame('/opt/odoo/odoo/http.py', 420, 'dispatch_rpc', 'return dispatch(method, params)'),
    frame('/opt/odoo/odoo/service/model.py', 39, 'dispatch', 'res = execute_kw(db, uid, *params[3:])'),
    frame('/opt/odoo/odoo/service/model.py', 61, 'execute_kw', 'return execute(db, uid, obj, method, *args, **kw or {})'),
    frame('/opt/odoo/odoo/service/model.py', 68, 'execute', 'res = execute_cr(cr, uid, obj, method, *args, **kw)'),
    frame('/opt/odoo/odoo/service/model.py', 52, 'execute_cr', 'result = retrying(partial(odoo.api.call_kw, recs, method, args, kw), env)'),
    frame('/opt/odoo/odoo/service/model.py', 184, 'retrying', 'result = func()'),
    frame('/opt/odoo/odoo/api.py', 533, 'call_kw', 'result = getattr(recs, name)(*args, **kwargs)'),
  ],
};

// The frames of a None result failing in the marshaller, after the method ran and committed.
const MARSHAL_NONE_FRAMES: Record<OdooMajor, string[]> = {
  17: [
    frame('/opt/odoo/odoo/addons/base/controllers/rpc.py', 151, 'xmlrpc_2', 'response = self._xmlrpc(service)'),
    frame('/opt/odoo/odoo/addons/base/controllers/rpc.py', 128, '_xmlrpc', 'return xmlrpc.client.dumps((result,), methodresponse=1, allow_none=False)'),
    frame('/usr/lib/python3.11/xmlrpc/client.py', 981, 'dumps', 'data = m.dumps(params)'),
    frame('/usr/lib/python3.11/xmlrpc/client.py', 514, 'dumps', 'dump(v, write)'),
    frame('/usr/lib/python3.11/xmlrpc/client.py', 536, '__dump', 'f(self, value, write)'),
    frame('/usr/lib/python3.11/xmlrpc/client.py', 540, 'dump_nil', 'raise TypeError("cannot marshal None unless allow_none is enabled")'),
  ],
  18: [
    frame('/opt/odoo/odoo/addons/base/controllers/rpc.py', 161, 'xmlrpc_2', 'response = self._xmlrpc(service)'),
    frame('/opt/odoo/odoo/addons/base/controllers/rpc.py', 140, '_xmlrpc', 'return dumps((result,))'),
    frame('/opt/odoo/odoo/addons/base/controllers/rpc.py', 114, 'dumps', 'response = OdooMarshaller(allow_none=False).dumps(params)'),
    frame('/usr/lib/python3.11/xmlrpc/client.py', 514, 'dumps', 'dump(v, write)'),
    frame('/usr/lib/python3.11/xmlrpc/client.py', 536, '__dump', 'f(self, value, write)'),
    frame('/usr/lib/python3.11/xmlrpc/client.py', 540, 'dump_nil', 'raise TypeError("cannot marshal None unless allow_none is enabled")'),
  ],
  19: [
    frame('/opt/odoo/addons/rpc/controllers/xmlrpc.py', 161, 'xmlrpc_2', 'response = self._xmlrpc(service)'),
    frame('/opt/odoo/addons/rpc/controllers/xmlrpc.py', 140, '_xmlrpc', 'return dumps((result,))'),
    frame('/opt/odoo/addons/rpc/controllers/xmlrpc.py', 114, 'dumps', 'response = OdooMarshaller(allow_none=False).dumps(params)'),
    frame('/usr/lib/python3.11/xmlrpc/client.py', 514, 'dumps', 'dump(v, write)'),
    frame('/usr/lib/python3.11/xmlrpc/client.py', 536, '__dump', 'f(self, value, write)'),
    frame('/usr/lib/python3.11/xmlrpc/client.py', 540, 'dump_nil', 'raise TypeError("cannot marshal None unless allow_none is enabled")'),
  ],
};

/** One traceback frame as Python 3.11 prints it, caret line included. */
export function frame(file: string, line: number, fn: string, code: string): string {
  const lead = code.match(/^(\S+ = )/)?.[1]?.length ?? (code.startsWith('return ') ? 7 : code.startsWith('raise ') ? 0 : 0);
  const carets = code.startsWith('raise ') ? '' : `\n    ${' '.repeat(lead)}${'^'.repeat(code.length - lead)}`;
  return `  File "${file}", line ${line}, in ${fn}\n    ${code}${carets}`;
}

export function traceback(version: OdooMajor, err: PythonError): string {
  const frames = [...DISPATCH_FRAMES[version], ...err.frames];
  return `Traceback (most recent call last):\n${frames.join('\n')}\n${err.pythonType}: ${err.message}\n`;
}

export function marshalNoneTraceback(version: OdooMajor): string {
  return `Traceback (most recent call last):\n${MARSHAL_NONE_FRAMES[version].join('\n')}\nTypeError: cannot marshal None unless allow_none is enabled\n`;
}

/** The traceback Odoo answers for a request body that is not XML (expat, before any dispatch). */
export function parseErrorTraceback(version: OdooMajor, message: string): string {
  const rpc = version === 17 ? [151, 125] : [161, 137];
  return [
    'Traceback (most recent call last):',
    frame('/opt/odoo/odoo/addons/base/controllers/rpc.py', rpc[0] ?? 0, 'xmlrpc_2', 'response = self._xmlrpc(service)'),
    frame('/opt/odoo/odoo/addons/base/controllers/rpc.py', rpc[1] ?? 0, '_xmlrpc', 'params, method = loads(data)'),
    frame('/usr/lib/python3.11/xmlrpc/client.py', 1029, 'loads', 'p.feed(data)'),
    frame('/usr/lib/python3.11/xmlrpc/client.py', 451, 'feed', 'self._parser.Parse(data, False)'),
    `xml.parsers.expat.ExpatError: ${message}`,
    '',
  ].join('\n');
}

/** `Invalid field 'x' on model 'y'`: a ValueError raised by the ORM (fault 1). */
export function invalidField(model: string, field: string, method: string): PythonError {
  const line: Record<string, number> = { write: 4665, create: 4790, read: 3800, search: 5180 };
  return new PythonError('ValueError', `Invalid field '${field}' on model '${model}'`, [
    frame('/opt/odoo/odoo/models.py', line[method] ?? 4665, method, `raise ValueError("Invalid field %r on model %r" % (fname, self._name))`),
  ]);
}
