// Express 4 does not catch a rejected promise from a handler; this hands it to the error middleware.
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export const asyncRoute =
  (handler: (req: Request, res: Response, next: NextFunction) => Promise<unknown>): RequestHandler =>
  (req, res, next) => {
    handler(req, res, next).catch(next);
  };
