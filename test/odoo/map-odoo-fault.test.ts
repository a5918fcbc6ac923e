import { describe, expect, it } from 'vitest';
import { lastTracebackLine, mapOdooFault } from '../../adapters/odoo/map-odoo-fault.ts';
import { formatOdooDatetime, parseOdooDatetime, toWire } from '../../adapters/odoo/odoo-wire.ts';
import { OdooError } from '../../src/errors/odoo-error.ts';
import { VERSIONS, rawCalls } from './support/recorded.ts';

const site = { url: 'http://odoo:8069', db: 'prod', username: 'bot', model: 'purchase.order', method: 'read' };

describe('mapOdooFault', () => {
  it.each(VERSIONS)('maps every recorded fault of Odoo %i to a stable code', (v) => {
    const codes = Object.fromEntries(
      Object.entries(rawCalls(v))
        .filter(([, c]) => c.fault)
        .map(([name, c]) => [name, mapOdooFault(c.fault, site).code]),
    );
    expect(codes).toEqual({
      button_cancel_returns_none: 'odoo_server_error',
      execute_kw_wrong_password: 'odoo_auth_failed',
      unknown_model: 'odoo_invalid_request',
      unlink_confirmed_po_user_error: 'odoo_business_refusal',
      write_invalid_field: 'odoo_invalid_request',
    });
  });

  it.each([
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, 'Odoo at http://odoo:8069 refused the connection'],
    [{ code: 'ECONNRESET', message: 'read ECONNRESET' }, 'Odoo at http://odoo:8069 is unreachable (ECONNRESET)'],
    [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'Odoo at http://odoo:8069 is unreachable (ECONNRESET)'],
    [new Error('socket hang up'), 'Odoo at http://odoo:8069 closed the connection (socket hang up)'],
  ])('socket failures are odoo_transient: %o', (err, message) => {
    const mapped = mapOdooFault(err, site);
    expect(mapped).toBeInstanceOf(OdooError);
    expect(mapped).toMatchObject({ code: 'odoo_transient', retryable: true, message });
  });

  it('domain errors name the model and field (17 "leaf", 18 "condition")', () => {
    for (const word of ['leaf', 'condition']) {
      const fault = { faultCode: 1, faultString: `Traceback...\nValueError: Invalid field purchase.order.line.x_foo in ${word} ('x_foo', '=', 1)\n` };
      expect(mapOdooFault(fault, site)).toMatchObject({ code: 'odoo_invalid_request', model: 'purchase.order.line', field: 'x_foo' });
    }
  });

  it('MissingError (fault 2) is odoo_record_missing', () => {
    const fault = { faultCode: 2, faultString: 'Record does not exist or has been deleted.\n(Record: purchase.order(99,), User: 2)' };
    expect(mapOdooFault(fault, site)).toMatchObject({ code: 'odoo_record_missing', retryable: false });
  });

  it('a 404 (wrong URL path) is not retried', () => {
    expect(mapOdooFault(new Error('Not Found'), site)).toMatchObject({ code: 'odoo_invalid_request', httpStatus: 404, retryable: false });
  });

  it('takes the exception line of a traceback', () => {
    expect(lastTracebackLine('Traceback\n  File "x"\nTypeError: boom\n\n')).toBe('TypeError: boom');
  });
});

describe('wire values', () => {
  it('null becomes false, Dates become UTC Odoo datetimes, nested', () => {
    const d = new Date('2026-11-26T22:17:21.480Z');
    expect(toWire({ a: null, b: d, c: [[0, 0, { x: null }]], s: 'x' })).toEqual({
      a: false,
      b: '2026-11-26 22:17:21',
      c: [[0, 0, { x: false }]],
      s: 'x',
    });
    expect(formatOdooDatetime(parseOdooDatetime('2026-11-26 22:17:21.480189'))).toBe('2026-11-26 22:17:21');
    expect(parseOdooDatetime('2026-11-26 22:17:21').toISOString()).toBe('2026-11-26T22:17:21.000Z');
  });
});
