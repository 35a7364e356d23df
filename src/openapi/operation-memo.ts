import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { JsonDigests } from './json-digest';
import type { Json, SpecOperation } from './spec-model';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** What writing one operation added to a compiled spec: its Markdown blocks, the compiler's findings, the unsafe HTML it removed. */
export interface WrittenOperation {
  out: string[];
  findings: Array<{ kind: string; pointer: string; facts: Record<string, string> }>;
  removed: Array<{ pointer: string; what: string }>;
}

type StoredMemo = Array<[string, WrittenOperation]>;

/**
 * The operations a spec's last compiling wrote, kept for its next one (compile-spec.ts): after an
 * edit of one operation, the others are not written again (writing GitHub's 1,223 operations is
 * 2.5 s of its compiling). An operation's entry is found by a digest of all it is written from:
 * the operation with its path's parameters and servers and everything their `$ref`s reach, its
 * place, id and first tag, the compile options, and what of the document every sample reads (the
 * servers, the security requirements and schemes). The file is named by Shale's code version
 * (SpecCache.operationsPath), so a change of code starts afresh.
 */
export class OperationMemo {
  private readonly known: Map<string, WrittenOperation>;
  private readonly used = new Map<string, WrittenOperation>();
  private added = false;
  private readonly digests: JsonDigests;
  private readonly shared: string;

  constructor(
    document: Json,
    options: unknown,
    private readonly file: string,
  ) {
    this.known = new Map(readMemo(file));
    this.digests = new JsonDigests((reference) => {
      if (!reference.startsWith('#')) return undefined;
      let node: Json = document;
      for (const part of reference.slice(1).split('/').filter(Boolean)) node = node?.[decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')];
      return node === undefined ? undefined : { place: reference, node, base: '' };
    });
    const everySample = { servers: document.servers, security: document.security, schemes: document.components?.securitySchemes };
    this.shared = sha1(JSON.stringify([options, this.digests.reachDigest(everySample, '')]));
  }

  /** The key of an operation written with `id` under `tag`. */
  key(operation: SpecOperation, id: string, tag: string | undefined): string {
    const written = { operation: operation.operation, parameters: operation.pathItem.parameters, servers: operation.pathItem.servers };
    const place = [operation.pointer, operation.method, operation.path, operation.webhook, id, tag ?? null];
    return sha1(JSON.stringify([this.shared, place, this.digests.reachDigest(written, '')]));
  }

  get(key: string): WrittenOperation | undefined {
    const entry = this.known.get(key);
    if (entry) this.used.set(key, entry);
    return entry;
  }

  set(key: string, entry: WrittenOperation): void {
    this.used.set(key, entry);
    this.added = true;
  }

  /** Stores the entries this compiling used, when one was new or one went unused (else the stored memo holds). */
  save(): void {
    if (!this.added && this.used.size === this.known.size) return;
    const temporary = `${this.file}.${process.pid}.${threadId}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(temporary, JSON.stringify([...this.used]));
      fs.renameSync(temporary, this.file);
    } catch {
      // A memo that cannot be written is only a slower next compiling.
      fs.rmSync(temporary, { force: true });
    }
  }
}

function readMemo(file: string): StoredMemo {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as StoredMemo;
  } catch {
    return [];
  }
}
