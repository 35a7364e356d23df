import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../bin/static-server.mjs';

describe('the static server of npm run preview and the browser tests', () => {
  let server: Server;
  let root: string;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-serve-'));
    fs.mkdirSync(path.join(dir, 'v3'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<p>home</p>');
    fs.writeFileSync(path.join(dir, 'v3', 'index.html'), '<p>v3</p>');
    const started = (await startStaticServer({ dir, port: 0, base: '/docs/' })) as { server: Server };
    server = started.server;
    const address = server.address();
    root = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (url: string) => fetch(`${root}${url}`, { redirect: 'manual' });

  it('serves a folder index at its address with a slash', async () => {
    const response = await get('/docs/v3/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<p>v3</p>');
  });

  it('redirects a folder address without its slash, keeping the query, as static hosts do', async () => {
    const folder = await get('/docs/v3?ruby');
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe('/docs/v3/?ruby');
    const base = await get('/docs');
    expect(base.status).toBe(301);
    expect(base.headers.get('location')).toBe('/docs/');
  });

  it('answers 404 outside the base path and for missing files', async () => {
    expect((await get('/other/')).status).toBe(404);
    expect((await get('/docs/missing.html')).status).toBe(404);
  });
});
