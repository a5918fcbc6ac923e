import { describe, expect, it } from 'vitest';
import { createEmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { behaviourRegistry } from '../../adapters/embedded-odoo/models/registry.ts';
import type { OdooEnv } from '../../adapters/embedded-odoo/orm/env.ts';
import { search } from '../../adapters/embedded-odoo/orm/records.ts';
import { parsePythonLiteral } from '../../adapters/embedded-odoo/orm/python-literal.ts';
import { loadSchema } from '../../adapters/embedded-odoo/schema/model-schema.ts';
import { PythonError } from '../../adapters/embedded-odoo/odoo-errors.ts';
import type { RpcValue } from '../../adapters/xmlrpc/rpc-value.ts';

/** Odoo domains on the store: prefix operators, every comparison operator, paths, NULL rules. */
async function fixture(version: 17 | 18 = 18) {
  const { store } = await createEmbeddedOdoo({ version });
  const env: OdooEnv = {
    store, version, schema: loadSchema(version), behaviours: behaviourRegistry(), uid: 2, context: {}, su: true, events: [],
    now: () => new Date('2026-11-26T10:00:00Z'),
  };
  const p = (name: string, parent: number | false, extra: Record<string, unknown> = {}) =>
    store.insert('res.partner', { name, parent_id: parent, is_company: parent === false, active: true, supplier_rank: 0, email: false, ...extra } as never);
  const acme = p('Acme Corp', false, { supplier_rank: 3, email: 'sales@acme.example' });
  const jo = p('Jo Acme', acme, { email: 'jo@acme.example' });
  const beta = p('Beta_Supplies 100%', false, { supplier_rank: 1 });
  const old = p('Old Vendor', false, { active: false, supplier_rank: 2 });
  const ids = (domain: RpcValue, extra: Partial<OdooEnv> = {}) =>
    search({ ...env, ...extra }, 'res.partner', domain, { order: 'id' }).filter((id) => [acme, jo, beta, old].includes(id));
  return { env, ids, acme, jo, beta, old };
}

describe('domain evaluation', () => {
  it('implicit and, |, ! in prefix notation', async () => {
    const { ids, acme, jo, beta } = await fixture();
    expect(ids([['supplier_rank', '>', 0], ['name', 'ilike', 'acme']])).toEqual([acme]);
    expect(ids(['|', ['name', '=', 'Jo Acme'], ['supplier_rank', '=', 1]])).toEqual([jo, beta]);
    expect(ids(['!', ['supplier_rank', '>', 0]])).toEqual([jo]);
    expect(ids(['&', '|', ['name', 'like', 'Acme'], ['name', 'like', 'Beta'], ['supplier_rank', '>=', 1]])).toEqual([acme, beta]);
  });

  it('comparison, in/not in, like family with SQL wildcards, NULL semantics', async () => {
    const { ids, acme, jo, beta } = await fixture();
    expect(ids([['supplier_rank', '<', 2]])).toEqual([jo, beta]);
    expect(ids([['supplier_rank', '<=', 1], ['supplier_rank', '!=', 0]])).toEqual([beta]);
    expect(ids([['id', 'in', [acme, beta]]])).toEqual([acme, beta]);
    expect(ids([['id', 'not in', [acme]]])).toEqual([jo, beta]);
    expect(ids([['name', 'like', 'acme']])).toEqual([]);
    expect(ids([['name', 'not ilike', 'acme']])).toEqual([beta]);
    expect(ids([['name', '=like', 'Beta\\_%']])).toEqual([]); // '_' is a wildcard, the backslash is literal here
    expect(ids([['name', '=like', 'Beta_Supplies%']])).toEqual([beta]);
    expect(ids([['name', '=ilike', 'beta%100\\%']])).toEqual([]);
    expect(ids([['name', '=ilike', 'BETA%']])).toEqual([beta]);
    expect(ids([['email', '=', false]])).toEqual([beta]);
    expect(ids([['email', '!=', false]])).toEqual([acme, jo]);
    expect(ids([['email', '!=', 'jo@acme.example']])).toEqual([acme, beta]); // NULL rows match !=
    expect(ids([['email', 'in', [false, 'jo@acme.example']]])).toEqual([jo, beta]);
  });

  it('many2one by id, by name, dotted paths and child_of', async () => {
    const { ids, acme, jo } = await fixture();
    expect(ids([['parent_id', '=', acme]])).toEqual([jo]);
    expect(ids([['parent_id', '=', 'Acme Corp']])).toEqual([jo]);
    expect(ids([['parent_id', 'ilike', 'acme']])).toEqual([jo]);
    expect(ids([['parent_id.supplier_rank', '=', 3]])).toEqual([jo]);
    expect(ids([['parent_id.name', 'ilike', 'corp']])).toEqual([jo]);
    expect(ids([['id', 'child_of', [acme]]])).toEqual([acme, jo]);
    expect(ids([['parent_id', 'child_of', acme]])).toEqual([jo]);
  });

  it('active_test hides archived records unless the domain or context asks for them', async () => {
    const { ids, old } = await fixture();
    expect(ids([['supplier_rank', '=', 2]])).toEqual([]);
    expect(ids([['supplier_rank', '=', 2], ['active', 'in', [true, false]]])).toEqual([old]);
    expect(ids([['supplier_rank', '=', 2]], { context: { active_test: false } })).toEqual([old]);
  });

  it('invalid fields and operators are ValueErrors (fault 1), worded per version', async () => {
    const v18 = await fixture(18);
    expect(() => v18.ids([['nope', '=', 1]])).toThrow(PythonError);
    expect(() => v18.ids([['nope', '=', 1]])).toThrow("Invalid field 'nope' on model 'res.partner'");
    const v17 = await fixture(17);
    expect(() => v17.ids([['nope', '=', 1]])).toThrow("Invalid field res.partner.nope in leaf ('nope', '=', 1)");
    expect(() => v18.ids([['name', 'between', 1]])).toThrow(PythonError);
    expect(() => v18.ids(['|', ['name', '=', 'x']])).toThrow(PythonError);
  });

  it('reads automation filter domains as Python literals without eval', () => {
    expect(parsePythonLiteral("[('state', '=', 'to approve'), ('amount_total', '>=', 5000.0), ('x', 'in', [1, 2]), ('a', '=', True)]")).toEqual([
      ['state', '=', 'to approve'], ['amount_total', '>=', 5000], ['x', 'in', [1, 2]], ['a', '=', true],
    ]);
    expect(() => parsePythonLiteral("[('state', '=', __import__('os'))]")).toThrow();
  });
});
