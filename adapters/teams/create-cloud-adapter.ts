import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from '../../src/config/parse-config.ts';

export interface TeamsAuthOptions {
  /**
   * Where the tokens' signing keys are published (Bot Framework's OpenID metadata). Tests point
   * it at a local server; production leaves it to botbuilder's default.
   */
  openIdMetadataUrl?: string;
}

/**
 * The botbuilder CloudAdapter with ConfigurationBotFrameworkAuthentication from config.teams.
 * Without an app id botbuilder accepts unauthenticated requests and sends without a token: the
 * caller allows that only in demo mode.
 */
export function createCloudAdapter(teams: Config['teams'], logger: Logger, options: TeamsAuthOptions = {}): CloudAdapter {
  const settings: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: teams.appId,
    MicrosoftAppPassword: teams.appPassword,
    MicrosoftAppTenantId: teams.tenantId,
    MicrosoftAppType: teams.appType,
    ...(options.openIdMetadataUrl ? publicCloudWithOpenId(options.openIdMetadataUrl) : {}),
  };
  const auth = new ConfigurationBotFrameworkAuthentication(settings);
  withoutConnectorRetries(auth);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, activityType: context.activity.type, conversation: context.activity.conversation?.id }, 'teams turn failed');
  };
  return adapter;
}

/**
 * Setting any one endpoint makes botbuilder switch to "parameterized" authentication, which takes
 * every other endpoint from the settings too (an unset token issuer then refuses every token):
 * so an OpenID override comes with the public cloud's values for the rest.
 */
function publicCloudWithOpenId(openIdMetadataUrl: string): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    CallerId: 'urn:botframework:azure',
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl,
  };
}

/** The retry policy @azure/core-rest-pipeline puts in every client (throttling + exponential). */
const AZURE_RETRY_POLICY = 'defaultRetryPolicy';

/**
 * The Bot Connector client retries by itself, sleeping out a 429's Retry-After inside the call:
 * a notify worker would sit blocked (three times over). The queue does this better (it delays the
 * job without spending an attempt, and paces per conversation), so the clients botbuilder creates
 * here have no retry policy: every failure reaches toTeamsCodedError at once.
 */
function withoutConnectorRetries(auth: ConfigurationBotFrameworkAuthentication): void {
  const createFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (claimsIdentity) => {
    const factory = createFactory(claimsIdentity);
    const create = factory.create.bind(factory);
    factory.create = async (serviceUrl, audience) => {
      const client = await create(serviceUrl, audience);
      (client as unknown as { client?: { pipeline?: { removePolicy(p: { name: string }): unknown } } }).client?.pipeline?.removePolicy({ name: AZURE_RETRY_POLICY });
      return client;
    };
    return factory;
  };
}
