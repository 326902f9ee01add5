// Limits on asking for sign-in links: per IP address (someone trying many emails) and per email address
// (someone flooding one person's inbox). Counts live in this process's memory.
import { rateLimit } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { tooManyRequestsPage } from './pages/problem-pages.js';

export interface SignInLimits {
  linksPerIp: number;
  linksPerEmail: number;
  windowMinutes: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { linksPerIp: 20, linksPerEmail: 5, windowMinutes: 15 };

export function signInLimiters(limits: SignInLimits): { perIp: RequestHandler; perEmail: RequestHandler } {
  const common = {
    windowMs: limits.windowMinutes * 60_000,
    standardHeaders: 'draft-7' as const,
    legacyHeaders: false,
    handler: ((request, response) => {
      response.status(429).type('html').send(tooManyRequestsPage(request.baseUrl, limits.windowMinutes));
    }) satisfies RequestHandler,
  };
  return {
    perIp: rateLimit({ ...common, limit: limits.linksPerIp }),
    // Keyed by the address as typed and normalised (res.locals.email), so case or spaces do not dodge it.
    perEmail: rateLimit({ ...common, limit: limits.linksPerEmail, keyGenerator: (_request, response) => `email:${String(response.locals.email)}` }),
  };
}
