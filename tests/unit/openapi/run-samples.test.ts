import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generatedSample } from '../../../src/openapi/request-samples';
import type { Json, SpecOperation } from '../../../src/openapi/spec-model';

/**
 * Every generated sample runs: each is executed with its language's runtime against a loopback
 * echo server, which records what arrived. The runtimes are curl, Ruby, Python with requests, Node,
 * Go (`go run`), Java 11 or later (`java Main.java`), PHP with its curl extension, and Mono for C#;
 * the raw HTTP sample is written to a TCP socket as it is. A runtime that is missing fails its tests
 * (.ci/run installs them on a fresh Debian). C#'s sample is a .NET 6 program of top-level statements
 * relying on the SDK's implicit usings, and Debian has no .NET SDK: Mono's mcs (C# 7.2) compiles the
 * same statements in the Main method the .NET compiler writes around them, with those usings.
 */
const run = promisify(execFile);

interface Received {
  method: string;
  path: string;
  query: Array<[string, string]>;
  headers: http.IncomingHttpHeaders;
  body: string;
  bytes: Buffer;
}

let server: http.Server;
let port = 0;
const received: Received[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const url = new URL(request.url ?? '/', 'http://localhost');
      received.push({
        method: request.method ?? '',
        path: url.pathname,
        query: [...url.searchParams],
        headers: request.headers,
        body: bytes.toString('utf8'),
        bytes,
      });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A spec whose server is the echo server (a variable's default, as a real spec would write it). */
function document(): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'Echo', version: '1' },
    servers: [{ url: 'http://127.0.0.1:{port}/v1', variables: { port: { default: String(port) } } }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } } },
  };
}

/**
 * A body that each language's quoting could change: an apostrophe and double quotes (the strings'
 * delimiters), `$HOME`, backticks and `#{…}` (code in a shell, PHP or Ruby string), a tab, text
 * outside ASCII (Content-Length counts its bytes), backslashes and a line break (escapes in every
 * language's strings) and an empty object (PHP's `[]` is a list).
 */
const body = { name: "Rex O'Hara", note: 'says "woof" & $HOME `id` #{id}\tZoë 🐕', path: 'C:\\temp\\new', lines: 'one\ntwo', age: 3, collar: {} };

const adopt: Json = {
  operationId: 'adopt',
  security: [{ bearer: [] }],
  parameters: [
    { name: 'dogId', in: 'path', required: true, schema: { type: 'integer', example: 7 } },
    { name: 'dry_run', in: 'query', required: true, schema: { type: 'boolean', example: true } },
    { name: 'tag', in: 'query', required: true, schema: { type: 'array', items: { type: 'string' } }, example: ['a', 'b'] },
    { name: 'X-Request-Id', in: 'header', required: true, schema: { type: 'string', example: 'r-1 $HOME' } },
    { name: 'verbose', in: 'query', schema: { type: 'boolean' } },
  ],
  requestBody: { content: { 'application/json': { example: body } } },
  responses: { '201': { description: 'Adopted' } },
};

const form = { name: "Rex O'Hara & $HOME", note: 'Zoë=🐕', path: 'C:\\temp\nnew' };

const register: Json = {
  operationId: 'register',
  requestBody: { content: { 'application/x-www-form-urlencoded': { example: form } } },
  responses: { '201': { description: 'Registered' } },
};

const upload: Json = {
  operationId: 'upload',
  requestBody: { content: { 'multipart/form-data': { example: form } } },
  responses: { '201': { description: 'Uploaded' } },
};

/** The fields of a multipart/form-data body (text fields only). */
function multipartFields(contentType: string | undefined, body: string): Record<string, string> {
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType ?? '')?.[2];
  if (!boundary) return {};
  const fields: Record<string, string> = {};
  for (const part of body.split(`--${boundary}`)) {
    // A name may be a quoted string or a bare token (.NET writes `name=note`).
    const match = /name=("?)([^";\r\n]+)\1[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n$/.exec(part);
    // A line break in a field may arrive as CRLF: browsers' FormData and httpsnippet's bodies write it so.
    if (match) fields[match[2]!] = match[3]!.replace(/\r\n/g, '\n');
  }
  return fields;
}

/**
 * Forms whose fields follow OpenAPI's encoding rules: a list repeats its name (or is one joined
 * field), an object is bracketed names (`deepObject`, Stripe's) or its properties as fields.
 */
const orderForm = {
  tags: ['a b', "O'Hara"],
  sizes: [1, 2],
  metadata: { plan: 'pro & co', limits: { seats: 3 } },
  items: [{ price: 'p_1', quantity: 2 }],
  expand: ['customer'],
  color: { R: 100, G: 200 },
  note: null,
};
const orderEncoding = {
  sizes: { style: 'pipeDelimited', explode: false },
  metadata: { style: 'deepObject', explode: true },
  items: { style: 'deepObject', explode: true },
  expand: { style: 'deepObject', explode: true },
};
const orderFields = [
  ['tags', 'a b'],
  ['tags', "O'Hara"],
  ['sizes', '1|2'],
  ['metadata[plan]', 'pro & co'],
  ['metadata[limits][seats]', '3'],
  ['items[0][price]', 'p_1'],
  ['items[0][quantity]', '2'],
  ['expand[]', 'customer'],
  ['R', '100'],
  ['G', '200'],
  ['note', ''],
];

const order: Json = {
  operationId: 'order',
  requestBody: { content: { 'application/x-www-form-urlencoded': { example: orderForm, encoding: orderEncoding } } },
  responses: { '201': { description: 'Ordered' } },
};

/** Query parameters of every style: a list not exploded, deepObject, an exploded object, JSON content. */
const search: Json = {
  operationId: 'search',
  parameters: [
    { name: 'ids', in: 'query', required: true, explode: false, schema: { type: 'array', items: { type: 'integer' } }, example: [1, 2] },
    {
      name: 'kinds',
      in: 'query',
      required: true,
      style: 'pipeDelimited',
      explode: false,
      schema: { type: 'array', items: { type: 'string' } },
      example: ['a b', 'c'],
    },
    {
      name: 'filter',
      in: 'query',
      required: true,
      style: 'deepObject',
      explode: true,
      schema: { type: 'object' },
      example: { status: 'open', owner: { id: 7 } },
    },
    {
      name: 'point',
      in: 'query',
      required: true,
      schema: { type: 'object', properties: { x: { type: 'integer', example: 1 }, y: { type: 'integer', example: 2 } } },
    },
    { name: 'q', in: 'query', required: true, content: { 'application/json': { schema: { type: 'object' }, example: { a: "O'Hara" } } } },
  ],
  responses: { '200': { description: 'Found' } },
};

const labelled: Json = {
  operationId: 'labelled',
  requestBody: { content: { 'multipart/form-data': { example: { tags: ['a', 'b'], 'meta[plan]': 'pro', owner: { name: 'Rex' } } } } },
  responses: { '201': { description: 'Labelled' } },
};

/** An upload: the body is a file's bytes, which no text encoding would carry unchanged. */
const fileBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x24, 0x7b, 0x27, 0x0a]);

const putFile: Json = {
  operationId: 'putFile',
  requestBody: { required: true, content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } },
  responses: { '200': { description: 'Stored' } },
};

const photoBytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x0d, 0x0a, 0x2d, 0x2d, 0x22, 0x80]);

/** A multipart form with two file fields (one typed by the form's encoding) and a text field. */
const uploadFiles: Json = {
  operationId: 'uploadFiles',
  requestBody: {
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          properties: {
            photo: { type: 'string', format: 'binary' },
            note: { type: 'string', example: "Rex O'Hara & $HOME, Zoë" },
            scan: { type: 'string', format: 'binary' },
          },
        },
        encoding: { photo: { contentType: 'image/jpeg' } },
      },
    },
  },
  responses: { '201': { description: 'Uploaded' } },
};

/** The parts of a multipart body, bytes as sent (latin1 keeps each byte a character). */
function multipartParts(contentType: string | undefined, bytes: Buffer): Array<{ name: string; filename?: string; type?: string; data: Buffer }> {
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType ?? '')?.[2];
  if (!boundary) return [];
  const parts = [];
  for (const part of bytes.toString('latin1').split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0 || !part.endsWith('\r\n')) continue;
    const head = part.slice(0, split);
    const name = /name=("?)([^";\r\n]+)\1/.exec(head)?.[2] ?? '';
    const filename = /filename=("?)([^";\r\n]+)\1/.exec(head)?.[2];
    const type = /^content-type: *(.+)$/im.exec(head)?.[1]?.trim();
    parts.push({ name, ...(filename ? { filename } : {}), ...(type ? { type } : {}), data: Buffer.from(part.slice(split + 4, -2), 'latin1') });
  }
  return parts;
}

/**
 * In a browser, JavaScript's sample takes the file from the page's file input; Node runs it here
 * with a page whose file input holds the file.
 */
function pageWithFiles(...names: string[]): string {
  const inputs = names.map((name) => `{ files: [new File([require('node:fs').readFileSync(${JSON.stringify(name)})], ${JSON.stringify(name)})] }`);
  const all = `(selector) => (selector === 'input[type="file"]' ? [${inputs.join(', ')}] : [])`;
  return `const all = ${all};\nglobalThis.document = { querySelectorAll: all, querySelector: (selector) => all(selector)[0] ?? null };\n`;
}

const owner: Json = {
  operationId: 'owner',
  parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string', example: "O'Hara & co" } }],
  responses: { '200': { description: 'OK' } },
};

const listing: Json = { operationId: 'list', security: [{ key: [] }], responses: { '200': { description: 'OK' } } };

const operation = (method: string, pathTemplate: string, op: Json): SpecOperation => ({
  method,
  path: pathTemplate,
  operation: op,
  pathItem: {},
  pointer: `/paths/${pathTemplate}/${method}`,
  key: op.operationId,
  webhook: false,
});

/** Runs a program, or fails saying which runtime is missing. */
async function runtime(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<void> {
  try {
    await run(command, args, { ...options, timeout: 90_000 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${command} is not installed (.ci/run installs it with apt-get)`, { cause: error });
    throw error;
  }
}

/** Writes a raw HTTP message to the echo server and waits for its answer. */
function sendRaw(message: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(message));
    let answer = '';
    socket.setTimeout(5_000, () => socket.destroy(new Error(`no complete answer to the HTTP sample; got ${JSON.stringify(answer)}`)));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('utf8');
      // The echo server answers once it has read the whole body that Content-Length announced.
      if (answer.includes('{"ok":true}')) {
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

/**
 * C#'s sample as Mono compiles it: the Main method that the .NET compiler writes around top-level
 * statements and the usings that the .NET SDK implies, written out, since mcs knows neither.
 */
function monoProgram(code: string): string {
  const usings = code.match(/^using [\w.]+;$/gm) ?? [];
  const statements = code.replace(/^using [\w.]+;\n/gm, '');
  return [
    'using System;',
    'using System.Collections.Generic;',
    'using System.IO;',
    'using System.Linq;',
    'using System.Net.Http;',
    'using System.Threading;',
    'using System.Threading.Tasks;',
    ...usings,
    'class Program {',
    '  static void Main() { Run().GetAwaiter().GetResult(); }',
    '  static async Task Run() {',
    statements,
    '  }',
    '}',
  ].join('\n');
}

/** Where Go keeps its build cache between samples, so only the first compiles net/http. */
const goCache = path.join(os.tmpdir(), 'shale-sample-go');

/** Runs one sample in its language and returns what the echo server received. */
async function execute(tab: string, code: string, files: Record<string, Buffer> = {}): Promise<Received> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-sample-'));
  const before = received.length;
  for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
  try {
    if (tab === 'shell') await runtime('sh', ['-c', code], { cwd: dir, env: { ...process.env, HOME: '/nonexistent' } });
    if (tab === 'ruby') await runtime('ruby', ['-e', code], { cwd: dir });
    if (tab === 'python') await runtime('python3', ['-c', code], { cwd: dir });
    if (tab === 'javascript' || tab === 'javascript--node') await runtime(process.execPath, ['-e', code], { cwd: dir });
    if (tab === 'go') {
      fs.writeFileSync(path.join(dir, 'main.go'), code);
      const env = {
        ...process.env,
        GOCACHE: path.join(goCache, 'build'),
        GOPATH: path.join(goCache, 'path'),
        GOPROXY: 'off',
        GOTOOLCHAIN: 'local',
        GOFLAGS: '',
      };
      await runtime('go', ['run', 'main.go'], { cwd: dir, env });
    }
    if (tab === 'java') {
      fs.writeFileSync(path.join(dir, 'Main.java'), code);
      await runtime('java', ['Main.java'], { cwd: dir });
    }
    if (tab === 'php') {
      fs.writeFileSync(path.join(dir, 'sample.php'), code);
      await runtime('php', ['sample.php'], { cwd: dir });
    }
    if (tab === 'csharp') {
      fs.writeFileSync(path.join(dir, 'Program.cs'), monoProgram(code));
      await runtime('mcs', ['-r:System.Net.Http', '-out:sample.exe', 'Program.cs'], { cwd: dir });
      await runtime('mono', ['sample.exe'], { cwd: dir });
    }
    if (tab === 'http') await sendRaw(code);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  expect(received.length, `the ${tab} sample sent one request`).toBe(before + 1);
  return received.at(-1)!;
}

const tabs = ['shell', 'ruby', 'python', 'javascript', 'javascript--node', 'go', 'java', 'php', 'csharp', 'http'];

// A compiler's first run (Go's net/http, Java's source launcher) takes seconds on a loaded machine.
describe.each(tabs)('the generated %s sample', { timeout: 120_000 }, (tab) => {
  test('sends the method, path, query, credentials, headers and JSON body the operation describes', async () => {
    const code = generatedSample(document(), operation('post', '/dogs/{dogId}/adoptions', adopt), { key: tab, label: tab });
    expect(code).toBeTypeOf('string');
    const request = await execute(tab, code!);
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/dogs/7/adoptions');
    expect(request.query).toEqual([
      ['dry_run', 'true'],
      ['tag', 'a'],
      ['tag', 'b'],
    ]);
    expect(request.headers.authorization).toBe('Bearer YOUR_ACCESS_TOKEN');
    expect(request.headers['x-request-id']).toBe('r-1 $HOME');
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(request.body)).toEqual(body);
  });

  test('sends a form body', async () => {
    const code = generatedSample(document(), operation('post', '/dogs', register), { key: tab, label: tab });
    const request = await execute(tab, code!);
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual(form);
  });

  test('sends a multipart form body', async () => {
    const code = generatedSample(document(), operation('post', '/uploads', upload), { key: tab, label: tab });
    const request = await execute(tab, code!);
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(multipartFields(request.headers['content-type'], request.body)).toEqual(form);
  });

  test("sends a form's lists and objects as OpenAPI's encoding says (repeated names, joined lists, bracketed names)", async () => {
    const code = generatedSample(document(), operation('post', '/orders', order), { key: tab, label: tab })!;
    const request = await execute(tab, code);
    expect(request.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect([...new URLSearchParams(request.body)]).toEqual(orderFields);
  });

  test('sends query parameters as their style says (joined lists, bracketed and spread objects, JSON content)', async () => {
    const code = generatedSample(document(), operation('get', '/search', search), { key: tab, label: tab })!;
    const request = await execute(tab, code);
    expect(request.query).toEqual([
      ['ids', '1,2'],
      ['kinds', 'a b|c'],
      ['filter[status]', 'open'],
      ['filter[owner][id]', '7'],
      ['x', '1'],
      ['y', '2'],
      ['q', '{"a":"O\'Hara"}'],
    ]);
  });

  test("sends a multipart form's list as one part per item, and a bracketed name as it is", async () => {
    const code = generatedSample(document(), operation('post', '/labels', labelled), { key: tab, label: tab })!;
    const request = await execute(tab, code);
    const parts = multipartParts(request.headers['content-type'], request.bytes).map(({ name, data }) => [name, data.toString('utf8')]);
    expect(parts).toEqual([
      ['tags', 'a'],
      ['tags', 'b'],
      ['meta[plan]', 'pro'],
      ['owner', '{"name":"Rex"}'],
    ]);
  });

  test("leaves out the fragment a spec adds to a path to list two operations of it (Box's /oauth2/token#refresh)", async () => {
    const refresh: Json = { operationId: 'refresh', responses: { '200': { description: 'OK' } } };
    const code = generatedSample(document(), operation('post', '/tokens#refresh', refresh), { key: tab, label: tab })!;
    expect(code).not.toContain('#refresh');
    expect((await execute(tab, code)).path).toBe('/v1/tokens');
  });

  test("sends a GET's body where the language can (fetch cannot: Node's sample uses http, the browser's says it leaves it out)", async () => {
    const searchBody: Json = {
      operationId: 'searchBody',
      requestBody: { content: { 'application/json': { example: { query: { match: "O'Hara" } } } } },
      responses: { '200': { description: 'Hits' } },
    };
    const code = generatedSample(document(), operation('get', '/_search', searchBody), { key: tab, label: tab })!;
    const request = await execute(tab, code);
    expect(request.method).toBe('GET');
    if (tab === 'javascript') {
      expect(code.split('\n')[0]).toBe("// A browser's fetch sends no body with GET or HEAD: this request's body is left out here.");
      expect(request.body).toBe('');
      return;
    }
    expect(JSON.parse(request.body)).toEqual({ query: { match: "O'Hara" } });
  });

  test('sends a JSON body that is 0 (a falsy value is a body too)', async () => {
    const count: Json = {
      operationId: 'count',
      requestBody: { content: { 'application/json': { schema: { type: 'integer' } } } },
      responses: { '204': { description: 'Set' } },
    };
    const request = await execute(tab, generatedSample(document(), operation('put', '/count', count), { key: tab, label: tab })!);
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(request.body).toBe('0');
  });

  test('sends a file as the body, byte for byte', async () => {
    const code = generatedSample(document(), operation('put', '/photos', putFile), { key: tab, label: tab })!;
    expect(code).not.toContain('SHALE_FILE_BODY');
    if (tab === 'http') {
      // A raw message cannot read a file: it shows where the file's size and bytes go.
      expect(code).toMatch(/^Content-Length: <the length of the body in bytes>$/m);
      expect(code.endsWith('\r\n\r\n<the bytes of file.png>')).toBe(true);
      return;
    }
    const request = await execute(tab, tab === 'javascript' ? pageWithFiles('file.png') + code : code, { 'file.png': fileBytes });
    expect(request.method).toBe('PUT');
    expect(request.headers['content-type']).toBe('image/png');
    expect(request.bytes.equals(fileBytes), `bytes received: ${request.bytes.toString('hex')}`).toBe(true);
  });

  test("sends a multipart form's file fields from files, with their names and types", async () => {
    const code = generatedSample(document(), operation('post', '/albums', uploadFiles), { key: tab, label: tab })!;
    expect(code).not.toContain('SHALE_FILE');
    if (tab === 'http') {
      expect(code).toMatch(/^Content-Length: <the length of the body in bytes>$/m);
      expect(code).toMatch(/filename="photo\.jpeg"\r\nContent-Type: image\/jpeg\r\n\r\n<the bytes of photo\.jpeg>\r\n/);
      expect(code).toMatch(/filename="scan\.bin"\r\nContent-Type: application\/octet-stream\r\n\r\n<the bytes of scan\.bin>\r\n/);
      return;
    }
    const files = { 'photo.jpeg': photoBytes, 'scan.bin': fileBytes };
    const request = await execute(tab, tab === 'javascript' ? pageWithFiles('photo.jpeg', 'scan.bin') + code : code, files);
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    // Python's requests sends the text fields before the files; the order of a form's parts is free.
    const parts = Object.fromEntries(multipartParts(request.headers['content-type'], request.bytes).map((part) => [part.name, part]));
    expect(Object.keys(parts).sort()).toEqual(['note', 'photo', 'scan']);
    expect([parts.photo!.filename, parts.note!.filename, parts.scan!.filename]).toEqual(['photo.jpeg', undefined, 'scan.bin']);
    expect(parts.photo!.data.equals(photoBytes), `photo received: ${parts.photo!.data.toString('hex')}`).toBe(true);
    expect(parts.scan!.data.equals(fileBytes), `scan received: ${parts.scan!.data.toString('hex')}`).toBe(true);
    expect(parts.note!.data.toString('utf8')).toBe("Rex O'Hara & $HOME, Zoë");
    // The browser's File and curl name their own types; every other sample sends the spec's.
    if (tab !== 'javascript' && tab !== 'shell') expect([parts.photo!.type, parts.scan!.type]).toEqual(['image/jpeg', 'application/octet-stream']);
  });

  test('sends a path parameter with an apostrophe, a space and an ampersand in it', async () => {
    const code = generatedSample(document(), operation('get', '/owners/{name}', owner), { key: tab, label: tab });
    const request = await execute(tab, code!);
    expect(decodeURIComponent(request.path)).toBe("/v1/owners/O'Hara & co");
  });

  test('sends an API key where its scheme puts it, and no body on a GET', async () => {
    const code = generatedSample(document(), operation('get', '/dogs', listing), { key: tab, label: tab });
    const request = await execute(tab, code!);
    expect(request.method).toBe('GET');
    expect(request.path).toBe('/v1/dogs');
    expect(request.headers['x-api-key']).toBe('YOUR_API_KEY');
    expect(request.body).toBe('');
  });
});
