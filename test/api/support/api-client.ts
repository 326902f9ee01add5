// The API under test: the real router on an ephemeral port, called with fetch. Every response is checked
// against the OpenAPI document, and for its media type, before the test sees it.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { LeadProvider } from '@prisma/client';
import { db } from '../../../src/db/client.js';
import { generateApiToken, hashApiToken } from '../../../src/auth/api-token.js';
import { createApiRouter, type ApiRouterOptions } from '../../../src/api/router.js';
import { responseProblems } from './openapi.js';

export interface ApiResponse {
  status: number;
  body: any;
}

export interface ApiClient {
  get(path: string, token?: string | null): Promise<ApiResponse>;
  put(path: string, body: unknown, token?: string | null): Promise<ApiResponse>;
  post(path: string, body: unknown, token?: string | null): Promise<ApiResponse>;
  close(): Promise<void>;
}

export async function startApi(defaultToken?: string, options: ApiRouterOptions = {}): Promise<ApiClient> {
  const app = express();
  app.use('/api/v3', createApiRouter(options));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function call(method: string, path: string, body: unknown, token: string | null | undefined): Promise<ApiResponse> {
    const url = `/api/v3${path}`;
    const bearer = token === undefined ? defaultToken : token;
    const response = await fetch(base + url, {
      method,
      headers: {
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    // The DfE answers with JSON:API's media type and no charset (app/controllers/api/api_controller.rb),
    // success and error alike; only a refused token type is an empty 403.
    const mediaType = response.headers.get('content-type');
    if (text && mediaType !== 'application/vnd.api+json') throw new Error(`${method} ${url} -> ${response.status} answered as ${mediaType}`);
    const parsed = text ? JSON.parse(text) : null;
    const problems = responseProblems(method, url, response.status, parsed);
    if (problems.length) throw new Error(`${method} ${url} -> ${response.status} breaks the OpenAPI document:\n${problems.join('\n')}`);
    return { status: response.status, body: parsed };
  }

  return {
    get: (path, token) => call('GET', path, undefined, token),
    put: (path, body, token) => call('PUT', path, body, token),
    post: (path, body, token) => call('POST', path, body, token),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A new API token for the lead provider; returns the plaintext the provider would be shown. */
export async function createToken(leadProvider: Pick<LeadProvider, 'cpdLeadProviderId'>, overrides: { revokedAt?: Date } = {}): Promise<string> {
  const token = generateApiToken();
  await db().apiToken.create({ data: { cpdLeadProviderId: leadProvider.cpdLeadProviderId, hashedToken: hashApiToken(token), ...overrides } });
  return token;
}
