// AdminJS's pages (its layout and sign-in templates) have inline scripts and link a font from a
// third-party font service. Before a page leaves, each inline script gets this response's CSP nonce
// (src/server/security-headers.ts) and the third-party stylesheet is dropped: the pages use the
// system's sans-serif font, and the browser asks nobody but us for anything.
import type { RequestHandler, Response } from 'express';

const THIRD_PARTY_STYLESHEET = /<link[^>]+href="https?:\/\/[^"]*"[^>]*>\s*/g;
const INLINE_SCRIPT = /<script>/g;

export function withOwnAssetsOnly(html: string, nonce: string | undefined): string {
  const withoutThirdParty = html.replace(THIRD_PARTY_STYLESHEET, '');
  return nonce ? withoutThirdParty.replace(INLINE_SCRIPT, `<script nonce="${nonce}">`) : withoutThirdParty;
}

export const ownAssetsOnly: RequestHandler = (_request, response, next) => {
  const send = response.send.bind(response) as Response['send'];
  response.send = ((body?: unknown) => {
    if (typeof body === 'string' && /^\s*<!DOCTYPE html>/i.test(body)) return send(withOwnAssetsOnly(body, response.locals.cspNonce as string | undefined));
    return send(body);
  }) as Response['send'];
  next();
};
