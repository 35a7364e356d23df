import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAssets, resolveImage } from '../../src/content/assets';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-assets-'));
  for (const file of [
    'images/logo.png',
    'images/sub/deep shot.jpg',
    'v3/images/local.png',
    'v3/index.html.md',
    'index.html.md',
    '.hidden/x.png',
    'node_modules/pkg/x.png',
    'notes.txt',
    'custom.css',
    'fonts/brand.woff2',
    'stylesheets/normalize.css',
    'v3/custom.css',
  ]) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), 'x');
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('listAssets', () => {
  it('lists the images and fonts of the content folder and its custom.css; not Markdown, text, a Slate theme’s CSS, hidden folders or node_modules', () => {
    expect(listAssets(dir)).toEqual(['custom.css', 'fonts/brand.woff2', 'images/logo.png', 'images/sub/deep shot.jpg', 'v3/images/local.png']);
  });
});

describe('resolveImage', () => {
  const page = () => path.join(dir, 'index.html.md');
  const v3 = () => path.join(dir, 'v3', 'index.html.md');

  it('resolves a relative image from the content root, as Slate does', () => {
    expect(resolveImage(dir, page(), 'images/logo.png')).toMatchObject({ kind: 'local', url: '/images/logo.png', exists: true });
  });

  it('resolves a root-absolute image against the content folder', () => {
    expect(resolveImage(dir, v3(), '/images/logo.png')).toMatchObject({ kind: 'local', url: '/images/logo.png', exists: true });
  });

  it('looks beside a page in a subfolder first, then from the content root (Middleman)', () => {
    expect(resolveImage(dir, v3(), 'images/local.png')).toMatchObject({ url: '/v3/images/local.png', exists: true });
    expect(resolveImage(dir, v3(), 'images/logo.png')).toMatchObject({ url: '/images/logo.png', exists: true });
  });

  it('reports a missing image with every place it looked', () => {
    expect(resolveImage(dir, v3(), 'images/none.png')).toMatchObject({
      kind: 'local',
      sitePath: 'images/none.png',
      exists: false,
      tried: ['v3/images/none.png', 'images/none.png'],
    });
  });

  it('decodes the path to find the file and encodes it again in the URL, keeping query and hash', () => {
    expect(resolveImage(dir, page(), 'images/sub/deep%20shot.jpg?v=2#x')).toMatchObject({ url: '/images/sub/deep%20shot.jpg?v=2#x', exists: true });
  });

  it('leaves other sites, data: URLs and protocol-relative URLs alone', () => {
    for (const src of ['https://example.com/a.png', 'data:image/png;base64,AAAA', '//cdn.example.com/a.png', '']) {
      expect(resolveImage(dir, page(), src)).toEqual({ kind: 'external' });
    }
  });

  it('refuses a path that leaves the content folder', () => {
    expect(resolveImage(dir, page(), '../secret.png').kind).toBe('outside');
    expect(resolveImage(dir, page(), '/../../etc/passwd.png').kind).toBe('outside');
  });

  it('finds what the browser finds for a URL climbing above the site root (Accelo: ../images/x.png from the root page)', () => {
    expect(resolveImage(dir, page(), '../images/logo.png')).toMatchObject({ kind: 'local', url: '/images/logo.png', exists: true });
    expect(resolveImage(dir, v3(), '../../images/sub/deep%20shot.jpg')).toMatchObject({ kind: 'local', url: '/images/sub/deep%20shot.jpg', exists: true });
    expect(resolveImage(dir, page(), '/../images/logo.png')).toMatchObject({ kind: 'local', url: '/images/logo.png', exists: true });
  });

  it('does not count a file that is not an image as found', () => {
    expect(resolveImage(dir, page(), 'notes.txt')).toMatchObject({ kind: 'local', exists: false });
  });
});
