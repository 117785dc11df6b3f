/**
 * `GET /healthz`: answers 200 while the process serves requests. It checks no credentials and
 * calls nothing on GitHub, so load balancers and container health checks can use it freely.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const HEALTH_PATH = '/healthz';

export function healthHandler(version: string) {
  const startedAt = new Date().toISOString();
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    if ((request.url ?? '').split('?')[0] !== HEALTH_PATH) return false;
    const body = JSON.stringify({ status: 'ok', app: 'iac-review', version, startedAt });
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(request.method === 'HEAD' ? undefined : body);
    return true;
  };
}
