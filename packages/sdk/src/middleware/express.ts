import type { NextFunction, Request, Response } from 'express';
import type { Pledge } from '../pledge/pledge.js';
import { type PledgeMiddlewareOptions, prepareRequest, type RequestPledge } from './request-pledge.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by the `pledgeExpress` middleware. */
    pledge?: RequestPledge;
  }
}

/**
 * Express middleware: loads the subject into the consent cache, records `Sec-GPC: 1` /
 * `DNT: 1` once per subject and signal, and sets `req.pledge`. A failure to reach the Pledge
 * server goes to `next(error)`: decisions are never made on events that could not be read.
 *
 * @example
 * app.use(pledgeExpress(pledge, { subject: (req) => req.get('x-user-id') }));
 * app.get('/ads', (req, res) => res.json(req.pledge?.decide('ads', ['browsing'])));
 */
export function pledgeExpress(
  pledge: Pledge,
  options: PledgeMiddlewareOptions<Request>,
): (req: Request, res: Response, next: NextFunction) => void {
  return (req, _res, next) => {
    prepareRequest(pledge, options, req, req.headers).then((prepared) => {
      req.pledge = prepared;
      next();
    }, next);
  };
}
