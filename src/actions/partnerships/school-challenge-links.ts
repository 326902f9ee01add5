// The link in a partnership email with which the school challenges it, without signing in (the DfE's
// /report-incorrect-partnership?token=…, app/controllers/challenge_partnerships_controller.rb).
// The token is the only secret: we keep its SHA-256, so a copy of the database cannot challenge anything.
import { createHash, randomBytes } from 'node:crypto';

export const SCHOOL_CHALLENGE_PATH = '/report-incorrect-partnership';

export const newChallengeToken = () => randomBytes(32).toString('base64url');

export const hashChallengeToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** PUBLIC_URL is the service's origin, e.g. https://ecf.example.gov.uk; localhost serves development. */
export function schoolChallengeUrl(token: string, env: NodeJS.ProcessEnv = process.env): string {
  const origin = (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, '');
  return `${origin}${SCHOOL_CHALLENGE_PATH}?token=${encodeURIComponent(token)}`;
}
