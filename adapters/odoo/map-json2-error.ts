import { OdooError } from '../../src/errors/odoo-error.ts';
import type { CallSite } from './map-odoo-fault.ts';

/**
 * A JSON-2 error answer (Odoo 19, test/fixtures/odoo/19/json2.json) as the same coded OdooError
 * an XML-RPC fault of the same cause maps to (map-odoo-fault.ts). Odoo answers
 * `{"name", "message", "arguments", "context", "debug"}`; werkzeug errors carry the status in
 * `arguments` (`["Invalid apikey", 401]`).
 */
export interface Json2ErrorBody {
  name?: unknown;
  message?: unknown;
}

// 404 `the model 'no.such.model' does not exist` / `The method 'purchase.order.x' does not exist`
const UNKNOWN_MODEL = /^the model '([^']+)' does not exist/;
const UNKNOWN_METHOD = /^The method '([^']+)' does not exist/;
// 500 ValueError `Invalid field 'x' in 'purchase.order'` (19) / `... on model '...'` (18 shape)
const INVALID_FIELD = /Invalid field '([^']+)' (?:in|on model) '([^']+)'/;
const INVALID_FIELD_IN_DOMAIN = /Invalid field ([\w.]+)\.(\w+) in (?:leaf|condition)/;

/** The statuses a proxy in front of Odoo answers while Odoo restarts or is overloaded. */
const TRANSIENT_HTTP = new Set([429, 502, 503, 504]);

export function mapJson2Error(status: number, body: Json2ErrorBody | undefined, site: CallSite): OdooError {
  const name = typeof body?.name === 'string' ? body.name : '';
  const text = typeof body?.message === 'string' ? body.message.trim() : '';
  const base = { model: site.model, method: site.method, httpStatus: status, odooMessage: text || undefined };
  // messages stay one line (AccessError texts carry blank lines)
  const line = text.replace(/\s*\n\s*/g, ' ');
  const where = `${site.model}.${site.method}`;
  if (!name) {
    // not an Odoo answer (a proxy's page): transient when a retry can help, else the URL is wrong
    if (TRANSIENT_HTTP.has(status) || status >= 500) {
      return new OdooError('odoo_transient', `Odoo at ${site.url} answered HTTP ${status}`, base);
    }
    return new OdooError('odoo_invalid_request', `Odoo at ${site.url} answered HTTP ${status} to ${where}: check ODOO_URL (JSON-2 needs Odoo 19 or later)`, base);
  }
  if (status === 401) {
    return new OdooError('odoo_auth_failed', `Odoo refused the API key on db ${site.db} (${line || 'Unauthorized'}): check ODOO_API_KEY`, base);
  }
  if (status === 403 || name === 'odoo.exceptions.AccessError') {
    return new OdooError('odoo_access_denied', `Odoo user of the API key may not call ${where}: ${line}`, base);
  }
  if (status === 404) {
    const model = UNKNOWN_MODEL.exec(text);
    if (model) return new OdooError('odoo_invalid_request', `Odoo has no model ${model[1]} (is its module installed?)`, { ...base, model: model[1] });
    const method = UNKNOWN_METHOD.exec(text);
    if (method) return new OdooError('odoo_invalid_request', `Odoo has no method ${method[1]}`, base);
    return new OdooError('odoo_invalid_request', `Odoo at ${site.url} answered HTTP 404 to ${where}: check ODOO_URL and ODOO_DB`, base);
  }
  if (name === 'odoo.exceptions.MissingError') return new OdooError('odoo_record_missing', `${where}: ${line}`, base);
  if (status === 422 && name.startsWith('werkzeug.')) {
    // the named arguments did not fit the method's signature: a bug on our side
    return new OdooError('odoo_invalid_request', `Odoo rejected the arguments of ${where}: ${line}`, base);
  }
  if (status === 422 || name === 'odoo.exceptions.UserError' || name === 'odoo.exceptions.ValidationError') {
    return new OdooError('odoo_business_refusal', `Odoo refused ${where}: ${line}`, base);
  }
  const field = INVALID_FIELD.exec(text);
  const inDomain = INVALID_FIELD_IN_DOMAIN.exec(text);
  if (field || inDomain) {
    const f = field ? field[1] : inDomain?.[2];
    const model = field ? field[2] : inDomain?.[1];
    return new OdooError('odoo_invalid_request', `Odoo model ${model} has no field ${f} (${site.method})`, { ...base, model, field: f });
  }
  if (TRANSIENT_HTTP.has(status)) return new OdooError('odoo_transient', `Odoo at ${site.url} answered HTTP ${status}`, base);
  return new OdooError('odoo_server_error', `Odoo failed on ${where}: ${name}: ${line}`, base);
}
