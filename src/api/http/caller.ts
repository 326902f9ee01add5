// The lead provider behind a request, set by authenticate(), and the actor context actions need.
import type { Request, Response } from 'express';
import type { ActorContext } from '../../actions/actor.js';

export interface ApiCaller {
  cpdLeadProviderId: string;
  leadProviderId: string;
  name: string;
}

export function callerOf(res: Response): ApiCaller {
  const caller = res.locals.apiCaller as ApiCaller | undefined;
  if (!caller) throw new Error('API route reached without authentication');
  return caller;
}

export function actorContextOf(req: Request, res: Response): ActorContext {
  return { actor: { kind: 'api', ...callerOf(res) }, ip: req.ip };
}
