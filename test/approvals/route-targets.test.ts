import { describe, expect, it } from 'vitest';
import type { ApprovalTarget } from '../../src/approvals/approval-rules.ts';
import { delegatedNote, routeTargets, type DelegationLookup } from '../../src/approvals/delegation-routing.ts';
import { isActiveAt } from '../../src/delegation/delegation-days.ts';
import type { Delegation } from '../../src/delegation/delegation.ts';
import { resolveDelegate } from '../../src/delegation/resolve-delegate.ts';

// Where cards go while approvers are away: the routing over the delegation module's own resolution.
const TZ = 'America/Chicago';
const at = new Date('2026-12-21T15:00:00Z');
const delegation = (from: string, to: string, toName: string, fromName = from, startsOn = '2026-12-18', until = '2026-12-31'): Delegation => ({
  id: `chat-${from}-1`, from, to, fromName, toName, startsOn, until, source: 'chat', createdBy: { platform: 'slack', userId: 'U1' }, createdAt: '2026-12-17T00:00:00Z',
});
const lookup = (list: Delegation[]): DelegationLookup => ({
  delegateOf: async (login, when = at) => resolveDelegate(login, list, when, TZ),
  active: async (when = at) => list.filter((d) => isActiveAt(d, when, TZ)),
});
const avery: ApprovalTarget = { kind: 'user', platform: 'slack', userId: 'U0AVERY', login: 'avery' };
const daniel: ApprovalTarget = { kind: 'odoo-user', platform: 'slack', login: 'daniel' };
const channel: ApprovalTarget = { kind: 'channel', platform: 'slack', channel: 'C0APPROVALS' };

describe('routeTargets', () => {
  it('sends an absent approver\'s card to the final delegate "on behalf of" them; channels stay', async () => {
    const list = [delegation('avery', 'helen', 'Helen Vargas', 'Avery Quinn'), delegation('helen', 'marco', 'Marco Rossi', 'Helen Vargas')];
    const routed = await routeTargets([avery, channel], 2, lookup(list), at);
    expect(routed.targets).toEqual([channel, { kind: 'odoo-user', platform: 'slack', login: 'marco', onBehalfOf: { login: 'avery', name: 'Avery Quinn' } }]);
    expect(routed.delegated).toEqual([{ level: 2, from: 'avery', fromName: 'Avery Quinn', to: 'marco', toName: 'Marco Rossi', at: at.toISOString() }]);
    expect(delegatedNote(routed.delegated, 2)).toBe(' (delegated to Marco Rossi)');
    expect(delegatedNote(routed.delegated, 1)).toBe('');
  });

  it('gives a delegate who is asked anyway one card, their own (Odoo group members too)', async () => {
    const routed = await routeTargets([avery, daniel], 1, lookup([delegation('avery', 'daniel', 'Daniel Okafor')]), at);
    expect(routed.targets).toEqual([daniel]);
    expect(routed.delegated).toHaveLength(1);
  });

  it('leaves the cards where they were before the first day, and without delegation at all', async () => {
    const later = [delegation('avery', 'daniel', 'Daniel Okafor', 'Avery Quinn', '2026-12-24')];
    expect((await routeTargets([avery], 1, lookup(later), at)).targets).toEqual([avery]);
    expect((await routeTargets([avery], 1, undefined, at)).targets).toEqual([avery]);
    expect(delegatedNote([{ level: 1, from: 'a', fromName: 'A', to: 'b', toName: 'B', at: '', endedAt: '2026-12-22T00:00:00Z' }], 1)).toBe('');
  });
});
