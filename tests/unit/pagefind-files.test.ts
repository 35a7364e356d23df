import { describe, expect, test } from 'vitest';
import { decodeCbor } from '../../src/search/build/pagefind-files';

const bytes = (...values: number[]) => Buffer.from(values);

describe('decodeCbor', () => {
  test('reads what Pagefind’s meta files hold: arrays of strings, integers of every width, maps, booleans, null, bytes', () => {
    // ["1.6.0", [["en_abc", 20, 300, 70000]], {1: -2}, true, false, null, h'0102']
    const data = bytes(
      0x87,
      0x65, ...Buffer.from('1.6.0'),
      0x81, 0x84, 0x66, ...Buffer.from('en_abc'), 0x14, 0x19, 0x01, 0x2c, 0x1a, 0x00, 0x01, 0x11, 0x70,
      0xa1, 0x01, 0x21,
      0xf5, 0xf4, 0xf6,
      0x42, 0x01, 0x02,
    );
    expect(decodeCbor(data)).toEqual(['1.6.0', [['en_abc', 20, 300, 70000]], new Map([[1, -2]]), true, false, null, bytes(1, 2)]);
    expect(decodeCbor(bytes(0x18, 0xff))).toBe(255);
    expect(decodeCbor(bytes(0x1b, 0, 0, 0, 1, 0, 0, 0, 0))).toBe(2 ** 32);
    expect(decodeCbor(bytes(0x63, 0xc3, 0xa9, 0x21))).toBe('é!');
  });

  test('refuses what it does not know rather than guessing', () => {
    expect(() => decodeCbor(bytes(0x82, 0x01))).toThrow('CBOR ends early');
    expect(() => decodeCbor(bytes(0x01, 0x02))).toThrow('CBOR: data after the value');
    expect(() => decodeCbor(bytes(0xfb, 0, 0, 0, 0, 0, 0, 0, 0))).toThrow('CBOR: unsupported item 0xfb');
    expect(() => decodeCbor(bytes(0x9f, 0xff))).toThrow('CBOR: unsupported length 31');
  });
});
