// Bearer token authentication. Tokens are looked up by their SHA-256 hash; a revoked or unknown one is
// refused with the DfE's 401 body. Finding the token and stamping its last use is one statement.
import type { RequestHandler } from 'express';
import { Prisma } from '@prisma/client';
import { db } from '../../db/client.js';
import { hashApiToken } from '../../auth/api-token.js';
import type { ApiCaller } from './caller.js';
import { asyncRoute } from './async-route.js';

export const UNAUTHORISED_BODY = { error: 'HTTP Token: Access denied' };

/** `Bearer <token>`, or Rails' `Token token="<token>"` that some older clients still send. */
function tokenFrom(header: string | undefined): string | null {
  const match = /^(?:Bearer|Token)\s+(?:token=)?"?([^",\s]+)"?/i.exec(header ?? '');
  return match ? match[1] : null;
}

interface TokenOwner {
  cpdLeadProviderId: string;
  leadProviderId: string | null;
  name: string | null;
}

export const authenticate: RequestHandler = asyncRoute(async (req, res, next) => {
  const token = tokenFrom(req.get('authorization'));
  const [owner] = token
    ? await db().$queryRaw<TokenOwner[]>(Prisma.sql`
        WITH used AS (
          UPDATE api_tokens SET "lastUsedAt" = ${new Date()}
          WHERE "hashedToken" = ${hashApiToken(token)} AND "revokedAt" IS NULL
          RETURNING "cpdLeadProviderId")
        SELECT used."cpdLeadProviderId", lp.id AS "leadProviderId", lp.name
        FROM used LEFT JOIN lead_providers lp ON lp."cpdLeadProviderId" = used."cpdLeadProviderId"`)
    : [];
  if (!owner) {
    res.set('WWW-Authenticate', 'Token realm="Application"').status(401).json(UNAUTHORISED_BODY);
    return;
  }
  // A token whose owner is not (or no longer) a lead provider may not use the lead provider API.
  if (!owner.leadProviderId || !owner.name) {
    res.status(403).end();
    return;
  }
  res.locals.apiCaller = { cpdLeadProviderId: owner.cpdLeadProviderId, leadProviderId: owner.leadProviderId, name: owner.name } satisfies ApiCaller;
  next();
});
