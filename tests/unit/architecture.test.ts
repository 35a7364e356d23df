import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEFINITIONS } from '../../src/validation/definitions';
import { describeOptions } from '../../src/engine/options';

const architecture = fs.readFileSync('ARCHITECTURE.md', 'utf8');

describe('the design notes and the manual say what the code does', () => {
  test('ARCHITECTURE.md lists every kind of problem, the file that detects it (which holds the kind) and its fixture', () => {
    const rows = [...architecture.matchAll(/^\| `([a-z0-9-]+)` \| `(src\/[^`]+)`[^|]* \| (.+) \|$/gm)];
    expect(rows.map((row) => row[1])).toEqual(Object.keys(DEFINITIONS));
    for (const [, kind, file, fixtures] of rows) {
      expect(fs.readFileSync(file!, 'utf8'), `${file} detects ${kind}`).toContain(`'${kind}'`);
      for (const [, fixture] of fixtures!.matchAll(/`([a-z0-9-]+)`/g)) {
        if (fixture !== 'no-such-folder') expect(fs.existsSync(`tests/fixtures/broken/${fixture}`), fixture).toBe(true);
      }
    }
  });

  test("the manual's table of options has every option, its variable and its default", () => {
    const manual = fs.readFileSync('docs/includes/_developing.md', 'utf8');
    for (const option of describeOptions()) {
      const row = manual.split('\n').find((line) => line.startsWith(`| \`${option.option}\` |`));
      expect(row, option.option).toBeDefined();
      expect(row).toContain(`\`${option.variable}\``);
      expect(row).toContain(option.default === undefined ? '| none |' : `\`${String(option.default)}\``);
    }
  });
});
