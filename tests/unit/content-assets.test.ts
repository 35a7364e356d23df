import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentAssetMiddleware, copyContentAssets } from '../../src/integration/content-assets';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-content-assets-'));
  fs.mkdirSync(path.join(dir, 'images', 'sub'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'images', 'a.png'), 'PNGDATA');
  fs.writeFileSync(path.join(dir, 'images', 'sub', 'b c.svg'), '<svg/>');
  fs.writeFileSync(path.join(dir, 'index.html.md'), '# Secret source');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Answer {
  status: 'next' | number;
  headers: Record<string, unknown>;
  body: string;
}

/** Runs the middleware on one request and collects what it answers (or that it passed it on). */
function request(base: string, url: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve) => {
    const headers: Record<string, unknown> = {};
    const chunks: Buffer[] = [];
    const stream = new PassThrough();
    const response = Object.assign(stream, {
      statusCode: 0,
      setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = value),
    }) as unknown as ServerResponse;
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('finish', () => resolve({ status: response.statusCode, headers, body: Buffer.concat(chunks).toString() }));
    contentAssetMiddleware(dir, base)({ url, method } as IncomingMessage, response, () => resolve({ status: 'next', headers, body: '' }));
  });
}

describe('contentAssetMiddleware (npm run dev)', () => {
  it('serves an image of the content folder at its path, with its type', async () => {
    const answer = await request('/', '/images/a.png?v=1');
    expect(answer).toMatchObject({ status: 200, body: 'PNGDATA' });
    expect(answer.headers['content-type']).toBe('image/png');
  });

  it('serves under a base path and decodes the URL', async () => {
    expect(await request('/docs/', '/docs/images/sub/b%20c.svg')).toMatchObject({ status: 200, body: '<svg/>' });
  });

  it('passes on what is not an asset: pages, Markdown sources, missing files, paths out of the folder', async () => {
    for (const url of ['/', '/index.html', '/index.html.md', '/images/missing.png', '/../outside.png', '/images/%2e%2e/%2e%2e/x.png', '/%E0%A4%A.png']) {
      expect((await request('/', url)).status, url).toBe('next');
    }
    expect((await request('/', '/images/a.png', 'POST')).status).toBe('next');
  });
});

describe('copyContentAssets (npm run build)', () => {
  it('copies every image into the site at the same path and nothing else', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-content-assets-out-'));
    try {
      expect(copyContentAssets(dir, out)).toBe(2);
      expect(fs.readFileSync(path.join(out, 'images', 'a.png'), 'utf8')).toBe('PNGDATA');
      expect(fs.readFileSync(path.join(out, 'images', 'sub', 'b c.svg'), 'utf8')).toBe('<svg/>');
      expect(fs.existsSync(path.join(out, 'index.html.md'))).toBe(false);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
