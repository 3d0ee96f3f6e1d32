/**
 * @module web/strict-http
 * What node's HTTP parser lets through and a careful server refuses, before anything else sees
 * the request: HTTP/0.9 ("GET /" without a version, which has no headers and no status line to
 * answer with) and a request with two Host headers (node keeps the first; a proxy in front may have
 * routed on the second). Both get a plain 400 and the connection closes.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** Why this request is refused, or undefined when it is well formed. */
export function malformedRequest(req: IncomingMessage): string | undefined {
  if (req.httpVersionMajor < 1) return 'HTTP/1.0 or later is required.';
  const raw = req.rawHeaders;
  let hosts = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 4 && name.toLowerCase() === 'host' && ++hosts > 1) return 'A request carries exactly one Host header.';
  }
  return undefined;
}

/** Wraps a request listener so malformed requests are answered 400 and never reach it. */
export function strictHttp(next: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const problem = malformedRequest(req);
    if (problem === undefined) {
      next(req, res);
      return;
    }
    res.shouldKeepAlive = false;
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store', connection: 'close' });
    res.end(`Bad request: ${problem}\n`);
  };
}
