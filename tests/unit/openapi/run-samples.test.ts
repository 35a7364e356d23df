import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generatedSample } from '../../../src/openapi/request-samples';
import type { Json, SpecOperation } from '../../../src/openapi/spec-model';

/**
 * Every generated sample runs: each is executed with its language's runtime against a loopback
 * echo server, which records what arrived. The CI machine has curl, ruby, python3 with requests
 * and node (.ci/run installs what a fresh Debian lacks).
 */
const run = promisify(execFile);

interface Received {
  method: string;
  path: string;
  query: Array<[string, string]>;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let port = 0;
const received: Received[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      received.push({ method: request.method ?? '', path: url.pathname, query: [...url.searchParams], headers: request.headers, body });
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

const adopt: Json = {
  operationId: 'adopt',
  security: [{ bearer: [] }],
  parameters: [
    { name: 'dogId', in: 'path', required: true, schema: { type: 'integer', example: 7 } },
    { name: 'dry_run', in: 'query', required: true, schema: { type: 'boolean', example: true } },
    { name: 'tag', in: 'query', required: true, schema: { type: 'array', items: { type: 'string' } }, example: ['a', 'b'] },
    { name: 'X-Request-Id', in: 'header', required: true, schema: { type: 'string', example: 'r-1' } },
    { name: 'verbose', in: 'query', schema: { type: 'boolean' } },
  ],
  requestBody: { content: { 'application/json': { example: { name: "Rex O'Hara", note: 'says "woof" & $HOME `id`', age: 3 } } } },
  responses: { '201': { description: 'Adopted' } },
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

/** Runs one sample in its language and returns what the echo server received. */
async function execute(tab: string, code: string): Promise<Received> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-sample-'));
  const before = received.length;
  try {
    if (tab === 'shell') await run('sh', ['-c', code], { cwd: dir, env: { ...process.env, HOME: '/nonexistent' } });
    if (tab === 'ruby') await run('ruby', ['-e', code], { cwd: dir });
    if (tab === 'python') await run('python3', ['-c', code], { cwd: dir });
    if (tab === 'javascript' || tab === 'javascript--node') await run(process.execPath, ['-e', code], { cwd: dir });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  expect(received.length, `the ${tab} sample sent one request`).toBe(before + 1);
  return received.at(-1)!;
}

describe.each(['shell', 'ruby', 'python', 'javascript', 'javascript--node'])('the generated %s sample', (tab) => {
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
    expect(request.headers['x-request-id']).toBe('r-1');
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(request.body)).toEqual({ name: "Rex O'Hara", note: 'says "woof" & $HOME `id`', age: 3 });
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
