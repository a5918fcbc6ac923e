import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { parseMethodCall } from '../../adapters/xmlrpc/parse-xmlrpc.ts';
import { PyFloat, pythonFloatRepr } from '../../adapters/xmlrpc/rpc-value.ts';
import { writeMethodResponse } from '../../adapters/xmlrpc/write-xmlrpc.ts';
import { call, postXml } from './rpc-helpers.ts';

/** Bad input gets Odoo's answer and changes nothing; the codec reads what real clients send. */
describe('bad input and the XML-RPC codec', () => {
  let odoo: EmbeddedOdoo;
  beforeAll(async () => {
    odoo = await startEmbeddedOdoo({ version: 18, db: 'odoo' });
  });
  afterAll(async () => odoo?.stop());
  const kw = (uid: number, pw: string, model: string, method: string, args: unknown[], kwargs = {}) =>
    call(odoo.url, 'object', 'execute_kw', ['odoo', uid, pw, model, method, args as never, kwargs]);

  it('unknown model, invalid field, wrong password, wrong db', async () => {
    expect(await kw(2, 'admin', 'no.such.model', 'search', [[]])).toEqual({ ok: false, faultCode: 2, faultString: "Object no.such.model doesn't exist" });
    const bad = await kw(2, 'admin', 'purchase.order', 'search_read', [[['x_nope', '=', 1]]]);
    expect(bad.ok || bad.faultCode).toBe(1);
    expect(!bad.ok && bad.faultString.trim().split('\n').at(-1)).toBe("ValueError: Invalid field 'x_nope' on model 'purchase.order'");
    const badRead = await kw(2, 'admin', 'res.partner', 'read', [[1]], { fields: ['x_nope'] });
    expect(!badRead.ok && badRead.faultString.trim().split('\n').at(-1)).toBe("ValueError: Invalid field 'x_nope' on model 'res.partner'");
    expect(await kw(2, 'wrong', 'res.partner', 'search', [[]])).toEqual({ ok: false, faultCode: 3, faultString: 'Access Denied' });
    expect(await kw(999, 'admin', 'res.partner', 'search', [[]])).toEqual({ ok: false, faultCode: 3, faultString: 'Access Denied' });
    expect(await call(odoo.url, 'common', 'authenticate', ['other-db', 'admin', 'admin', {}])).toEqual({ ok: true, value: false });
    const wrongDb = await call(odoo.url, 'object', 'execute_kw', ['other-db', 2, 'admin', 'res.partner', 'search', [[]], {}]);
    expect(!wrongDb.ok && wrongDb.faultCode).toBe(1);
  });

  it('access rights: fault 4 for portal users, non-admins on companies, private methods', async () => {
    const portal = (await call(odoo.url, 'common', 'authenticate', ['odoo', 'portal', 'portal', {}])) as { value: number };
    const r = await kw(portal.value, 'portal', 'purchase.order', 'search', [[]]);
    expect(!r.ok && r.faultCode).toBe(4);
    expect(!r.ok && r.faultString).toMatch(/^You are not allowed to access 'Purchase Order' \(purchase\.order\) records\./);
    const buyer = (await kw(2, 'admin', 'res.users', 'create', [{ name: 'B', login: 'b', password: 'b', groups_id: [[6, 0, [1]]] }])) as { value: number };
    const groups = (await kw(2, 'admin', 'ir.model.data', 'search_read', [[['module', '=', 'purchase'], ['name', '=', 'group_purchase_user']]], { fields: ['res_id'] })) as unknown as { value: Array<{ res_id: number }> };
    await kw(2, 'admin', 'res.users', 'write', [[buyer.value], { groups_id: [[4, groups.value[0]?.res_id ?? 0]] }]);
    const w = await kw(buyer.value, 'b', 'res.company', 'write', [[1], { po_double_validation: 'two_step' }]);
    expect(!w.ok && w.faultCode).toBe(4);
    expect(!w.ok && w.faultString).toMatch(/^You are not allowed to modify 'Companies' \(res\.company\) records\./);
    const c = await kw(buyer.value, 'b', 'res.users', 'create', [{ name: 'X', login: 'x' }]);
    expect(!c.ok && c.faultCode).toBe(4);
    expect(await kw(2, 'admin', 'purchase.order', '_compute_amount', [[1]])).toEqual({ ok: false, faultCode: 4, faultString: 'Private methods (such as _compute_amount) cannot be called remotely.' });
    const m = await kw(2, 'admin', 'purchase.order', 'no_such_method', [[1]]);
    expect(!m.ok && m.faultString.trim().split('\n').at(-1)).toBe("AttributeError: The method 'no_such_method' does not exist on the model 'purchase.order'");
  });

  it('malformed XML is a fault 1 with the expat traceback, HTTP 200 like Odoo', async () => {
    const r = await postXml(odoo.url, 'object', '<methodCall><methodName>execute_kw</methodName><params><param>');
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/<name>faultCode<\/name>\n<value><int>1<\/int><\/value>/);
    expect(r.body).toMatch(/xml\.parsers\.expat\.ExpatError: /);
    const notXml = await postXml(odoo.url, 'common', 'hello');
    expect(notXml.body).toMatch(/ExpatError/);
    const get = await fetch(`${odoo.url}/xmlrpc/2/object`);
    expect(get.status).toBe(405);
    expect((await fetch(`${odoo.url}/nope`, { method: 'POST' })).status).toBe(404);
  });

  it('rejects bodies over the size limit with 413', async () => {
    const big = 'x'.repeat(65 * 1024 * 1024);
    const r = await fetch(`${odoo.url}/xmlrpc/2/object`, { method: 'POST', body: big }).catch(() => ({ status: 413 }));
    expect(r.status).toBe(413);
  });

  it('parses what Python and the npm xmlrpc client send', () => {
    const xml = `<?xml version="1.0"?><methodCall><methodName>m</methodName><params>
      <param><value>bare text</value></param>
      <param><value><string><![CDATA[a <b> & c]]></string></value></param>
      <param><value><string/></value></param>
      <param><value><i4>-7</i4></value></param>
      <param><value><double>1.5</double></value></param>
      <param><value><boolean>1</boolean></value></param>
      <param><value><nil/></value></param>
      <param><value><dateTime.iso8601>20261126T22:17:21</dateTime.iso8601></value></param>
      <param><value><base64>aGk=</base64></value></param>
      <param><value><struct><member><name>k&amp;</name><value><array><data><value><int>1</int></value></data></array></value></member></struct></value></param>
      </params></methodCall>`;
    expect(parseMethodCall(xml).params).toEqual(['bare text', 'a <b> & c', '', -7, 1.5, true, null, '2026-11-26 22:17:21', Buffer.from('hi'), { 'k&': [1] }]);
    expect(() => parseMethodCall('<!DOCTYPE x [<!ENTITY a "b">]><methodCall/>')).toThrow();
  });

  it('writes floats and strings like Python', () => {
    expect([12000, 1222.5, 0.1, 1e-5, 1e16, 123456789.123].map(pythonFloatRepr)).toEqual(['12000.0', '1222.5', '0.1', '1e-05', '1e+16', '123456789.123']);
    expect(writeMethodResponse({ a: new PyFloat(12000), s: 'x<&>"' }, 18)).toBe(
      '<?xml version="1.0"?>\n<methodResponse>\n<params>\n<param>\n<value><struct>\n<member>\n<name>a</name>\n<value><double>12000.0</double></value>\n</member>\n<member>\n<name>s</name>\n<value><string>x&lt;&amp;&gt;"</string></value>\n</member>\n</struct></value>\n</param>\n</params>\n\n</methodResponse>\n',
    );
  });
});
