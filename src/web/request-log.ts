/**
 * @module web/request-log
 * One JSON line per request at `info` (pino, Fastify's logger): method, URL, route pattern, status,
 * duration and the page cache's verdict, under a request id that every response also carries as
 * `X-Request-Id`. The id is the proxy's when it sends a sane one (nginx's `$request_id`), so one id
 * follows a request from the proxy's log to ours; otherwise this instance makes one (a random
 * prefix per process and a counter: unique across instances, and cheap on the hot path).
 *
 * Cache hits answered before Fastify (web/cache/serve `answerHitsFirst`) log the same line through
 * `logHit`; everything else through the onResponse hook.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';
const SANE_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** Levels at which `info` lines are written (the line is not even built otherwise). */
const INFO_ON = new Set(['trace', 'debug', 'info']);

/** Fastify's `genReqId`: the proxy's id when sane, else `<process prefix>-<counter>`. */
export function requestIds(): (req: IncomingMessage) => string {
  const prefix = randomBytes(4).toString('hex');
  let n = 0;
  return (req) => {
    const given = req.headers[REQUEST_ID_HEADER];
    return typeof given === 'string' && SANE_ID.test(given) ? given : `${prefix}-${(++n).toString(36)}`;
  };
}

/** What one request's line says (also the shape `logHit` writes). */
export interface RequestLine {
  method: string;
  url: string;
  route: string;
  status: number;
  /** Milliseconds, to a hundredth. */
  ms: number;
  /** HIT, MISS, or none for what the page cache does not keep. */
  cache: string;
}

/** A response's route pattern and the page cache's verdict, as the log line and /metrics name them. */
export function routeAndVerdict(request: FastifyRequest, reply: FastifyReply): { route: string; cache: string } {
  const verdict = reply.getHeader('x-cache');
  return { route: request.routeOptions.url ?? 'unmatched', cache: typeof verdict === 'string' ? verdict : 'none' };
}

/** The hook: a response header with the id, then one line when the response is sent. */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done(null, payload);
  });
  app.addHook('onResponse', (request, reply, done) => {
    if (INFO_ON.has(request.log.level)) {
      const { route, cache } = routeAndVerdict(request, reply);
      const line: RequestLine = {
        method: request.method,
        url: request.url,
        route,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 100) / 100,
        cache,
      };
      request.log.info(line, 'request');
    }
    done();
  });
}

/** The same line for a hit answered before Fastify (its route is the page cache's). */
export function logHit(log: FastifyBaseLogger, reqId: string, req: IncomingMessage, status: number, startedAt: bigint): void {
  if (!INFO_ON.has(log.level)) return;
  const line: RequestLine = {
    method: req.method ?? 'GET',
    url: req.url ?? '',
    route: '(page cache)',
    status,
    ms: Number((process.hrtime.bigint() - startedAt) / 10_000n) / 100,
    cache: 'HIT',
  };
  log.info({ reqId, ...line }, 'request');
}
