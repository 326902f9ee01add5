// Bearer token authentication. Tokens are looked up by their SHA-256 hash; a revoked or unknown one is
// refused with the DfE's 401 body. Finding the token and stamping its last use is one statement; the
// stamp is written at most once a minute, so a busy client's requests neither queue on the token's row
// nor each wait for a commit to reach the disk.
import type { RequestHandler } from 'express';
import { Prisma } from '@prisma/client';
import { queryPrepared } from '../../db/prepared-statements.js';
import { hashApiToken } from '../../auth/api-token.js';
import type { ApiCaller } from './caller.js';
import { asyncRoute } from './async-route.js';

const LAST_USE_RESOLUTION_MS = 60_000;

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
  const now = new Date();
  const [owner] = token
    ? await queryPrepared<TokenOwner>(Prisma.sql`
        WITH found AS (
          SELECT id, "cpdLeadProviderId", "lastUsedAt" FROM api_tokens
          WHERE "hashedToken" = ${hashApiToken(token)} AND "revokedAt" IS NULL),
        stamped AS (
          UPDATE api_tokens t SET "lastUsedAt" = ${now.toISOString()}::timestamp FROM found
          WHERE t.id = found.id AND (found."lastUsedAt" IS NULL OR found."lastUsedAt" < ${new Date(now.getTime() - LAST_USE_RESOLUTION_MS).toISOString()}::timestamp)
          RETURNING t.id)
        SELECT found."cpdLeadProviderId", lp.id AS "leadProviderId", lp.name
        FROM found LEFT JOIN lead_providers lp ON lp."cpdLeadProviderId" = found."cpdLeadProviderId"`)
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
