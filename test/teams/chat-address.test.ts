import { describe, expect, it } from 'vitest';
import { chatAddress } from '../../src/alerts/lifecycle/chat-address.ts';

describe('chatAddress: which platform a policy channel is on', () => {
  it('reads `teams:` as Teams (name or conversation id), anything else as the default platform', () => {
    expect(chatAddress('teams:Purchasing/Receiving')).toEqual({ platform: 'teams', channel: 'Purchasing/Receiving' });
    expect(chatAddress('TEAMS: 19:abc@thread.tacv2')).toEqual({ platform: 'teams', channel: '19:abc@thread.tacv2' });
    expect(chatAddress('#receiving')).toEqual({ platform: 'slack', channel: '#receiving' });
    expect(chatAddress('slack:C0123')).toEqual({ platform: 'slack', channel: 'C0123' });
    expect(chatAddress('C0123', 'teams')).toEqual({ platform: 'teams', channel: 'C0123' });
  });

  it('does not take a colon elsewhere in the name for a prefix', () => {
    expect(chatAddress('19:abc@thread.tacv2')).toEqual({ platform: 'slack', channel: '19:abc@thread.tacv2' });
    expect(chatAddress('teamsroom')).toEqual({ platform: 'slack', channel: 'teamsroom' });
  });
});
