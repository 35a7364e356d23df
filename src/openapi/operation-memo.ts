import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { JsonDigests } from './json-digest';
import { asciiJson, readMemo, writeCache, writeWhole } from './memo-files';
import type { Json, SpecOperation } from './spec-model';
import type { DescriptionNote } from './markdown-text';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** What writing one operation added to a compiled spec: its Markdown blocks, the compiler's findings, what its descriptions' writing noted (unsafe HTML removed, unknown code languages). */
export interface WrittenOperation {
  out: string[];
  findings: Array<{ kind: string; pointer: string; facts: Record<string, string> }>;
  notes: DescriptionNote[];
}

/**
 * The memo on disk: an index (the memo's file) naming a text file that holds every operation's
 * Markdown one after the other (UTF-8), each entry saying where its own is (in bytes). Kept as plain text, because
 * 26 MB of Markdown written as JSON took 0.6 s to write back after each edit (GitHub's spec).
 */
interface StoredIndex {
  text: string;
  entries: Array<[string, { at: number; length: number; findings: WrittenOperation['findings']; notes: WrittenOperation['notes'] }]>;
}

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
    this.known = readEntries(file);
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

  /**
   * Stores the entries this compiling used, when one was new or one went unused (else the stored
   * memo holds): a new text file, then the index naming it (renamed into place), then the old text
   * files go. A memo that cannot be written is only a slower next compiling.
   */
  save(): void {
    if (!this.added && this.used.size === this.known.size) return;
    writeCache(() => this.write());
  }

  private write(): void {
    const text = `${path.basename(this.file, '.json')}-${process.pid}-${threadId}-${Date.now()}.md`;
    const pieces: string[] = [];
    const index: StoredIndex = { text, entries: [] };
    let at = 0;
    for (const [key, entry] of this.used) {
      const markdown = entry.out.join('\n\n');
      pieces.push(markdown);
      const length = Buffer.byteLength(markdown);
      index.entries.push([key, { at, length, findings: entry.findings, notes: entry.notes }]);
      at += length;
    }
    try {
      writeWhole(path.join(path.dirname(this.file), text), pieces.join(''));
      writeWhole(this.file, asciiJson(JSON.stringify(index)));
      // The text files of earlier compilings (one left by a compiling stopped halfway too).
      const base = `${path.basename(this.file, '.json')}-`;
      for (const name of fs.readdirSync(path.dirname(this.file))) {
        if (name.startsWith(base) && name.endsWith('.md') && name !== text) fs.rmSync(path.join(path.dirname(this.file), name), { force: true });
      }
    } catch {
      fs.rmSync(path.join(path.dirname(this.file), text), { force: true });
    }
  }
}

/** The entries of the memo in `file`: none when it, or the text it names, cannot be read. */
function readEntries(file: string): Map<string, WrittenOperation> {
  const index = readMemo<StoredIndex>(file);
  let bytes: Buffer;
  try {
    if (!index || typeof index.text !== 'string' || index.text.includes('/')) return new Map();
    bytes = fs.readFileSync(path.join(path.dirname(file), index.text));
  } catch {
    return new Map();
  }
  // An entry is one block of Markdown: its blocks joined as the compiled spec joins them. Each is
  // decoded on its own: one character beyond Latin-1 anywhere makes a whole text two bytes a
  // character, and slow to decode (GitHub's spec's 25 MB: 310 ms, against 45 ms entry by entry).
  return new Map(
    index.entries.map(
      ([key, { at, length, findings, notes }]) => [key, { out: [bytes.toString('utf8', at, at + length)], findings, notes }] as [string, WrittenOperation],
    ),
  );
}
