#!/usr/bin/env node
// A plain static file server for a built site, as any static host would serve it:
//   node bin/serve.mjs [dir=dist] [port=4321] [base=/]
// Used by `npm run preview` and the browser tests. Serves only files inside the folder.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [dir = 'dist', port = '4321', base = '/'] = process.argv.slice(2);
const root = path.resolve(dir);
const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  let pathname = decodeURIComponent(url.pathname);
  if (!pathname.startsWith(prefix)) {
    response.writeHead(404).end('Not found');
    return;
  }
  pathname = pathname.slice(prefix.length - 1);
  let file = path.join(root, pathname);
  if (!file.startsWith(root)) {
    response.writeHead(403).end();
    return;
  }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file) && fs.existsSync(`${file}.html`)) file = `${file}.html`;
  if (!fs.existsSync(file)) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  const type = types[path.extname(file)] ?? 'application/octet-stream';
  // Compress text as static hosts do, so measured transfer sizes are realistic.
  const compress = /^(text\/|application\/json)/.test(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  response.writeHead(200, { 'content-type': type, ...(compress ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}) });
  const stream = fs.createReadStream(file);
  (compress ? stream.pipe(zlib.createGzip()) : stream).pipe(response);
});

server.listen(Number(port), '127.0.0.1', () => console.log(`Serving ${root} at http://127.0.0.1:${port}${prefix}`));
