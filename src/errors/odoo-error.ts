/**
 * Errors of the Odoo gateway, with stable codes so callers branch on `code` and `retryable`,
 * never on message text (the shape of bolt-js's CodedError).
 *
 * The queue layer maps `retryable: false` to BullMQ's UnrecoverableError and `retryable: true` to a
 * retry with backoff; the chat layer shows `message`, which always says what to fix.
 */
export const OdooErrorCode = {
  /** Wrong login/password or API key: fault 3 `Access Denied`, `authenticate` answering false. */
  AuthFailed: 'odoo_auth_failed',
  /** The user lacks the access rights (fault 4, AccessError), e.g. a private method or a model ACL. */
  AccessDenied: 'odoo_access_denied',
  /** Odoo refused on business grounds (fault 2, UserError / ValidationError); `odooMessage` says why. */
  BusinessRefusal: 'odoo_business_refusal',
  /** The record asked for does not exist (any more): empty `read`, or fault 2 MissingError. */
  RecordMissing: 'odoo_record_missing',
  /** The request itself is wrong: unknown model, invalid field, bad domain. A bug on our side. */
  InvalidRequest: 'odoo_invalid_request',
  /** Any other server-side exception (fault 1 with a Python traceback). */
  ServerError: 'odoo_server_error',
  /** Odoo could not be reached or answered in time: timeout, refused, reset, 502/503/504. */
  Transient: 'odoo_transient',
  /** Odoo answered, but a record did not have the shape we rely on (zod validation failed). */
  InvalidResponse: 'odoo_invalid_response',
} as const;

export type OdooErrorCode = (typeof OdooErrorCode)[keyof typeof OdooErrorCode];

/** Whether a retry may succeed without anybody changing anything. */
const RETRYABLE: Record<OdooErrorCode, boolean> = {
  odoo_auth_failed: false,
  odoo_access_denied: false,
  odoo_business_refusal: false,
  odoo_record_missing: false,
  odoo_invalid_request: false,
  // An unexpected exception can be a passing condition (a lock, a worker restarting); the queue
  // bounds the attempts, and every write-back job re-reads Odoo before acting.
  odoo_server_error: true,
  odoo_transient: true,
  odoo_invalid_response: false,
};

export interface OdooErrorDetails {
  /** The model of the call, e.g. `purchase.order` (for invalid_request: the model Odoo named). */
  model?: string;
  /** The method of the call, e.g. `button_approve`, `search_read`, `authenticate`. */
  method?: string;
  /** The field at fault (invalid field, or the field that failed validation). */
  field?: string;
  /** The record at fault, when known. */
  recordId?: number;
  /** The XML-RPC faultCode, when the error came from a fault. */
  faultCode?: number;
  /** Odoo's own message: the UserError text, or the last line of the traceback. */
  odooMessage?: string;
  /** HTTP status of a gateway answer (502/503/504). */
  httpStatus?: number;
  /** The timeout that elapsed. */
  timeoutMs?: number;
  cause?: unknown;
}

export class OdooError extends Error {
  override readonly name = 'OdooError';
  readonly code: OdooErrorCode;
  readonly retryable: boolean;
  readonly model?: string;
  readonly method?: string;
  readonly field?: string;
  readonly recordId?: number;
  readonly faultCode?: number;
  readonly odooMessage?: string;
  readonly httpStatus?: number;
  readonly timeoutMs?: number;

  constructor(code: OdooErrorCode, message: string, details: OdooErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.retryable = RETRYABLE[code];
    this.model = details.model;
    this.method = details.method;
    this.field = details.field;
    this.recordId = details.recordId;
    this.faultCode = details.faultCode;
    this.odooMessage = details.odooMessage;
    this.httpStatus = details.httpStatus;
    this.timeoutMs = details.timeoutMs;
  }
}

/** Type guard that also accepts an OdooError from another copy of this module (by shape). */
export function isOdooError(err: unknown, code?: OdooErrorCode): err is OdooError {
  if (!(err instanceof Error) || err.name !== 'OdooError') return false;
  const c = (err as Partial<OdooError>).code;
  return typeof c === 'string' && (code === undefined || c === code);
}
