import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { asciiJson, readAsciiJson, readMemo, storeMemo } from '../../../src/openapi/memo-files';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-memo-files-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('JSON kept as ASCII', () => {
  const value = { text: 'Crème ≥ 1 🎉 微软 \u2028 "quoted" \\ \u007f', list: ['é', 'ü'], n: 1 };

  test('reads back as written, from a file of ASCII alone', () => {
    const file = path.join(dir, 'value.json');
    fs.writeFileSync(file, asciiJson(JSON.stringify(value)));
    expect([...fs.readFileSync(file)].every((byte) => byte < 0x7f)).toBe(true);
    expect(readAsciiJson(file)).toEqual(value);
  });

  test('is how memos are stored and read', () => {
    const file = path.join(dir, 'memo.json');
    storeMemo(file, value);
    expect(fs.readFileSync(file, 'latin1')).toBe(asciiJson(JSON.stringify(value)));
    expect(readMemo(file)).toEqual(value);
    expect(readMemo(path.join(dir, 'none.json'))).toBeUndefined();
  });
});
