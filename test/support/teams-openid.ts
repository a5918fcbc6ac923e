import { createSign, generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOpenId {
  /** The OpenID metadata URL (give it to the bot as teamsAuth.openIdMetadataUrl). */
  url: string;
  /** How many times botbuilder fetched the metadata or the keys. */
  fetches: number;
  stop(): Promise<void>;
}

/**
 * Bot Framework's OpenID metadata on 127.0.0.1, publishing no signing key: every token is then
 * refused as botbuilder refuses a token signed by someone else, without reaching the internet.
 */
export async function startFakeOpenId(): Promise<FakeOpenId> {
  const state = { fetches: 0 };
  const server = createServer((req, res) => {
    state.fetches += 1;
    const { port } = server.address() as AddressInfo;
    res.writeHead(200, { 'content-type': 'application/json' });
    if (req.url === '/keys') res.end(JSON.stringify({ keys: [] }));
    else res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `http://127.0.0.1:${port}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/openid`,
    get fetches() {
      return state.fetches;
    },
    stop: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** A well-formed RS256 JWT claiming to come from the Bot Framework, signed by a key nobody published. */
export function forgedBotFrameworkToken(appId: string, serviceUrl: string): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: 'RS256', typ: 'JWT', kid: 'forged-key' });
  const body = b64({ iss: 'https://api.botframework.com', aud: appId, serviceurl: serviceUrl, nbf: now - 60, exp: now + 3600 });
  const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey).toString('base64url');
  return `${head}.${body}.${signature}`;
}
