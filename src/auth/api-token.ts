// Lead provider API bearer tokens. The plaintext is shown once to whoever creates it; only its SHA-256
// hash is stored, so a leaked database does not leak usable tokens.
import { createHash, randomBytes } from 'node:crypto';

/** A new random token (URL-safe, 256 bits). */
export function generateApiToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The value stored in ApiToken.hashedToken: SHA-256 of the plaintext, lowercase hex. */
export function hashApiToken(plaintext: string): string {
  return createHash('sha256').update(plaintext, 'utf8').digest('hex');
}
