import { OdooError, isOdooError } from '../../src/errors/odoo-error.ts';

/** Where a failed call was going, so the error can say what to fix. */
export interface CallSite {
  url: string;
  db: string;
  username: string;
  model: string;
  method: string;
}

interface XmlRpcFault {
  faultCode: number;
  faultString: string;
}

const TRANSIENT_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
]);

/** The statuses a proxy in front of Odoo answers while Odoo restarts or is overloaded. */
const TRANSIENT_HTTP = new Set([429, 500, 502, 503, 504]);

function asFault(err: unknown): XmlRpcFault | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const f = err as Partial<XmlRpcFault>;
  if (typeof f.faultCode !== 'number') return undefined;
  return { faultCode: f.faultCode, faultString: typeof f.faultString === 'string' ? f.faultString : '' };
}

/** The exception line of a Python traceback (fault 1 strings are whole tracebacks). */
export function lastTracebackLine(faultString: string): string {
  const lines = faultString.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  return lines[lines.length - 1] ?? '';
}

/**
 * `button_cancel` and other methods returning None fault with this AFTER the transaction committed
 * (seen on 17.0 and 18.0): the call succeeded, only the answer could not be marshalled.
 */
export function isMarshalNoneFault(err: unknown): boolean {
  if (isOdooError(err)) return err.faultCode === 1 && /cannot marshal None/.test(err.odooMessage ?? '');
  const f = asFault(err);
  return f !== undefined && f.faultCode === 1 && /cannot marshal None/.test(f.faultString);
}

// `ValueError: Invalid field 'x_no_such_field' on model 'purchase.order'` (read/write, 17 and 18),
// `... in 'purchase.order'` (19)
const INVALID_FIELD_ON_MODEL = /Invalid field '([^']+)' (?:on model|in) '([^']+)'/;
// `ValueError: Invalid field purchase.order.x in leaf (...)` (17) / `... in condition (...)` (18)
const INVALID_FIELD_IN_DOMAIN = /Invalid field ([\w.]+)\.(\w+) in (?:leaf|condition)/;
// fault 2 `Object no.such.model doesn't exist` (17 and 18)
const UNKNOWN_MODEL = /^Object (\S+) doesn't exist/;
// fault 2 from MissingError (a UserError subclass): the record was deleted or never existed
const MISSING_RECORD = /Record does not exist or has been deleted/;

function fromFault(fault: XmlRpcFault, site: CallSite, cause: unknown): OdooError {
  const base = { model: site.model, method: site.method, faultCode: fault.faultCode, cause };
  const text = fault.faultString.trim();
  switch (fault.faultCode) {
    case 3:
      return new OdooError('odoo_auth_failed', `Odoo refused the credentials of user ${site.username} on db ${site.db} (Access Denied)`, {
        ...base,
        odooMessage: text,
      });
    case 4:
      return new OdooError('odoo_access_denied', `Odoo user ${site.username} may not call ${site.model}.${site.method}: ${text}`, {
        ...base,
        odooMessage: text,
      });
    case 2: {
      const unknownModel = UNKNOWN_MODEL.exec(text);
      if (unknownModel) {
        return new OdooError('odoo_invalid_request', `Odoo has no model ${unknownModel[1]} (is its module installed?)`, {
          ...base,
          model: unknownModel[1],
          odooMessage: text,
        });
      }
      if (MISSING_RECORD.test(text)) {
        return new OdooError('odoo_record_missing', `${site.model}.${site.method}: ${text}`, { ...base, odooMessage: text });
      }
      return new OdooError('odoo_business_refusal', `Odoo refused ${site.model}.${site.method}: ${text}`, {
        ...base,
        odooMessage: text,
      });
    }
    default: {
      const line = lastTracebackLine(text);
      const onModel = INVALID_FIELD_ON_MODEL.exec(line);
      const inDomain = INVALID_FIELD_IN_DOMAIN.exec(line);
      if (onModel || inDomain) {
        const field = onModel ? onModel[1] : inDomain?.[2];
        const model = onModel ? onModel[2] : inDomain?.[1];
        return new OdooError('odoo_invalid_request', `Odoo model ${model} has no field ${field} (${site.method})`, {
          ...base,
          model,
          field,
          odooMessage: line,
        });
      }
      return new OdooError('odoo_server_error', `Odoo failed on ${site.model}.${site.method}: ${line}`, {
        ...base,
        odooMessage: line,
      });
    }
  }
}

/** Maps anything odoo-await or the xmlrpc client rejected with to an OdooError. */
export function mapOdooFault(err: unknown, site: CallSite): OdooError {
  if (isOdooError(err)) return err;
  // odoo-await's connect() rejects with a plain string when authenticate answers false
  if (typeof err === 'string') {
    return new OdooError('odoo_auth_failed', `authentication failed for user ${site.username} on db ${site.db}`, {
      model: site.model,
      method: site.method,
      odooMessage: err,
    });
  }
  const fault = asFault(err);
  if (fault) return fromFault(fault, site, err);

  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    code?: unknown;
    message?: unknown;
    res?: { statusCode?: number };
  };
  const message = typeof e.message === 'string' ? e.message : String(err);
  const where = { model: site.model, method: site.method, cause: err };
  const status = e.res?.statusCode;
  if (typeof status === 'number' && status !== 200) {
    if (TRANSIENT_HTTP.has(status)) {
      return new OdooError('odoo_transient', `Odoo at ${site.url} answered HTTP ${status}`, { ...where, httpStatus: status });
    }
    return new OdooError('odoo_invalid_request', `Odoo at ${site.url} answered HTTP ${status}: check ODOO_URL`, {
      ...where,
      httpStatus: status,
    });
  }
  // xmlrpc turns a 404 into a bare `Not Found` error without a status on it
  if (message === 'Not Found') {
    return new OdooError('odoo_invalid_request', `Odoo at ${site.url} answered HTTP 404: check ODOO_URL`, {
      ...where,
      httpStatus: 404,
    });
  }
  if (typeof e.code === 'string' && TRANSIENT_SOCKET_CODES.has(e.code)) {
    const what = e.code === 'ECONNREFUSED' ? 'refused the connection' : `is unreachable (${e.code})`;
    return new OdooError('odoo_transient', `Odoo at ${site.url} ${what}`, where);
  }
  if (/socket hang up|aborted/i.test(message)) {
    return new OdooError('odoo_transient', `Odoo at ${site.url} closed the connection (${message})`, where);
  }
  // Not XML-RPC at all (an HTML error page, a truncated body): the answer is unusable
  if (/XML-RPC|Unexpected|Unclosed|Invalid method response|Non-whitespace/i.test(message)) {
    return new OdooError('odoo_invalid_response', `Odoo at ${site.url} sent an unreadable answer to ${site.method}: ${message}`, where);
  }
  return new OdooError('odoo_server_error', `calling ${site.model}.${site.method} on ${site.url} failed: ${message}`, where);
}
