// A real OpenID Connect provider for tests (the oidc-provider package, certified): code flow only,
// PKCE required, the given people as its accounts. It signs people in on its own development login
// page (any password) and grants the client the scopes it asks for, so no consent page comes between.
import { generateKeyPairSync } from 'node:crypto';
import type { Server } from 'node:http';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface ProviderAccount {
  email: string;
  email_verified: boolean;
  name?: string;
}

export interface TestProvider {
  issuer: string;
  stop(): Promise<void>;
}

export interface TestProviderOptions {
  port: number;
  client: { clientId: string; clientSecret: string; redirectUri: string };
  /** By the login typed on the provider's page. */
  accounts: Record<string, ProviderAccount>;
}

export async function startOidcProvider(options: TestProviderOptions): Promise<TestProvider> {
  const issuer = `http://localhost:${options.port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const minutes = (n: number) => n * 60;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: options.client.clientId,
      client_secret: options.client.clientSecret,
      redirect_uris: [options.client.redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    pkce: { required: () => true },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['a-cookie-key-for-the-test-provider'] },
    ttl: { AuthorizationCode: minutes(1), Interaction: minutes(10), Session: minutes(10), Grant: minutes(10), AccessToken: minutes(10), IdToken: minutes(10) },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    async findAccount(_ctx: KoaContextWithOIDC, id: string) {
      const account = options.accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session, params } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return provider.Grant.find(existing);
      const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
  });
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(options.port, '127.0.0.1', () => resolve(listening));
  });
  return {
    issuer,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
