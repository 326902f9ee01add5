// The address of the back-office request being handled, for the actor of the actions it runs (the audit
// trail stores it). AdminJS hands its handlers a copy of the request without Express's `ip`, so the staff
// router keeps it for the rest of the request, once the body has been read.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';

const address = new AsyncLocalStorage<string | undefined>();

export const keepRequestAddress: RequestHandler = (request, _response, next) => address.run(request.ip, next);

/** The address of the request this code runs for, if any. */
export const requestAddress = (): string | undefined => address.getStore();
