/**
 * A tiny static file server on 127.0.0.1 for the pages the app's preview
 * server does not serve: the d3-org-chart baseline page, its scripts from
 * node_modules, the generated charts and the bench bundle. Only the listed
 * folders are served.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const ALLOWED = [
  'bench/baseline/',
  'bench/.artifacts/',
  'tests/fixtures/realdata/',
  'node_modules/d3/dist/',
  'node_modules/d3-flextree/build/',
  'node_modules/d3-org-chart/build/',
];

/** Starts the server; resolves to { url, close() }. */
export function startStaticServer(root) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^[/\\]+/, '');
    const allowed = ALLOWED.some((prefix) => path.split(sep).join('/').startsWith(prefix)) && !path.includes('..');
    const file = join(root, path);
    let size = -1;
    try {
      if (allowed) size = statSync(file).isFile() ? statSync(file).size : -1;
    } catch {
      size = -1;
    }
    if (size < 0) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
