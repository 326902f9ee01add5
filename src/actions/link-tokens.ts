// A link that carries a token (a portal sign-in link, a password reset, a school's challenge link) is a
// credential: whoever reads it can use it. Emails keep their links; every copy we show keeps the link's
// address readable and replaces the token part.
import { MASK } from './mask.js';

const LINK = /\bhttps?:\/\/[^\s<>"'()]+/gi;
const PARAMETER = /([?&#;])([^=&#;\s]+)=([^&#;\s]*)/g;
/** A parameter name that says it carries a secret (token, access_token, code, sig, ...). */
const SECRET_NAME = /(?:^|[_.-])(?:token|code|key|secret|signature|sig|otp|password|auth)(?:$|[_.-])/i;
const RUN = /[A-Za-z0-9_-]{20,}/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A long run of URL-safe characters that is not a record id and not a readable slug: random tokens
 * (base64url, hex) carry digits or a long stretch without separators, words joined by hyphens do not.
 */
const looksLikeToken = (run: string) =>
  !UUID.test(run) && (/\d/.test(run) || run.split(/[-_]/).some((piece) => piece.length >= 16));

/** The text with the token part of every link in it masked; the rest unchanged. */
export function maskLinkTokens(text: string): string {
  return text.replace(LINK, (link) => {
    const pathStart = link.indexOf('/', link.indexOf('://') + 3);
    if (pathStart < 0) return link;
    const rest = link.slice(pathStart)
      .replace(PARAMETER, (all, separator: string, name: string, value: string) =>
        (value && SECRET_NAME.test(name) ? `${separator}${name}=${MASK}` : all))
      .replace(RUN, (run) => (looksLikeToken(run) ? MASK : run));
    return link.slice(0, pathStart) + rest;
  });
}
