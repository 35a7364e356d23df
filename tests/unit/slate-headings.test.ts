import { describe, expect, it } from 'vitest';
import { redcarpetLineStarts } from '../../src/markdown/slate-headings';

describe("Slate's headings without a space after the hashes", () => {
  it('become headings, with no line moved', () => {
    const body = '##Story Classification\n\ntext\n#Intro\n###### Six\n#######seven\n# Spaced\n';
    expect(redcarpetLineStarts(body)).toBe('## Story Classification\n\ntext\n# Intro\n###### Six\n#######seven\n# Spaced\n');
  });

  it('leave fenced code, indented text and a lone hash alone', () => {
    const body = '```shell\n#!/bin/sh\n#comment\n```\n~~~~\n#x\n```\n#still code\n~~~~\n  #indented\n#\n#Out\n';
    expect(redcarpetLineStarts(body)).toBe('```shell\n#!/bin/sh\n#comment\n```\n~~~~\n#x\n```\n#still code\n~~~~\n  #indented\n#\n# Out\n');
  });

  it('return a body with no such line as it is', () => {
    const body = '# Title\n\ntext with #hash\n';
    expect(redcarpetLineStarts(body)).toBe(body);
  });

  it('leave raw HTML blocks and comments as they are', () => {
    const body =
      '<pre>\n#include <stdio.h>\n</pre>\n<div class="note">\n#tag\n</div>\n\n<!--\n#hidden\n-->\n<!-- one line -->\n#After\n<aside class="notice">One line.</aside>\n#Next\n';
    expect(redcarpetLineStarts(body)).toBe(
      '<pre>\n#include <stdio.h>\n</pre>\n<div class="note">\n#tag\n</div>\n\n<!--\n#hidden\n-->\n<!-- one line -->\n# After\n<aside class="notice">One line.</aside>\n# Next\n',
    );
  });

  it('escape a `1)` item marker, which Redcarpet read as text (only `1.` starts its ordered lists), not in code', () => {
    const body = '1) Set the method:\n\n`GET`\n\n2) Set the URI\n> 3) quoted\n1. a real item\n```\n1) code\n```\n';
    expect(redcarpetLineStarts(body)).toBe('1\\) Set the method:\n\n`GET`\n\n2\\) Set the URI\n> 3\\) quoted\n1. a real item\n```\n1) code\n```\n');
  });

  it('reads a line of many block-quote markers in one pass (a fuzzed source once made it backtrack for minutes)', () => {
    const quoted = `${'>  '.repeat(5000)}x\n${'> '.repeat(2000)}1) step\n`;
    expect(redcarpetLineStarts(quoted)).toBe(`${'>  '.repeat(5000)}x\n${'> '.repeat(2000)}1\\) step\n`);
  });
});
