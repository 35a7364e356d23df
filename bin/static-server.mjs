// A plain static file server for a built site, as any static host would serve it: files only
// (no rewrites; the site's 404.html for an unknown path), under a base path, a folder's address without its slash redirected to it (as
// nginx, GitHub Pages and Netlify do: relative links resolve against it), gzip for text when the
// client accepts it.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** Starts a server for `dir` at http://127.0.0.1:port/base/ and resolves once it listens. */
export function startStaticServer({ dir, port, base = '/' }) {
  const root = path.resolve(dir);
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end('Bad request');
      return;
    }
    if (`${pathname}/` === prefix) {
      response.writeHead(301, { location: `${prefix}${url.search}` }).end();
      return;
    }
    if (!pathname.startsWith(prefix)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    let file = path.join(root, pathname.slice(prefix.length - 1));
    if (file !== root && !file.startsWith(root + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    if (!fs.existsSync(file)) {
      // The site's 404 page, as GitHub Pages, Netlify and Cloudflare Pages serve it for an unknown path.
      const notFound = path.join(root, '404.html');
      if (!fs.existsSync(notFound)) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      response.writeHead(404, { 'content-type': TYPES['.html'] });
      fs.createReadStream(notFound).pipe(response);
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    // Compress text as static hosts do, so measured transfer sizes are realistic.
    const compress = /^(text\/|application\/json)/.test(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    response.writeHead(200, { 'content-type': type, ...(compress ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}) });
    const stream = fs.createReadStream(file);
    (compress ? stream.pipe(zlib.createGzip()) : stream).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(port), '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${port}${prefix}` }));
  });
}
