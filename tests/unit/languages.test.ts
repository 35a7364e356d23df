import { describe, expect, it } from 'vitest';
import { canonicalLanguage, isKnownLanguage, isRougeOnlyLanguage, nearestLanguages } from '../../src/schema/languages';

describe('fence and tab language names', () => {
  it("are shiki's ids and aliases, case aside", () => {
    expect(canonicalLanguage('bash')).toBe('shellscript');
    expect(canonicalLanguage('JSON')).toBe('json');
    expect(canonicalLanguage('text')).toBe('text');
  });

  it('include the names Rouge, Slate’s highlighter, knew for a language shiki knows by another', () => {
    expect(canonicalLanguage('shell_session')).toBe('shellsession');
    expect(canonicalLanguage('terminal')).toBe('shellsession');
    expect(canonicalLanguage('golang')).toBe('go');
    expect(canonicalLanguage('objective_c')).toBe('objective-c');
    expect(canonicalLanguage('posh')).toBe('powershell');
    expect(canonicalLanguage('php5')).toBe('php');
    // Rouge's Gradle lexer is its Groovy one; rustdoc's fence names went to Rouge's Rust lexer.
    expect(canonicalLanguage('gradle')).toBe('groovy');
    expect(canonicalLanguage('nasm')).toBe('asm');
    expect(canonicalLanguage('rust,no_run')).toBe('rust');
    expect(canonicalLanguage('objectivecpp')).toBe('objective-cpp');
    // Known, never suggested: a did-you-mean names shiki's own names.
    expect(nearestLanguages('rubby')).toEqual(['ruby']);
  });

  it('leave out short Rouge names that read as another language, and names nobody knows', () => {
    // Rouge's `ex` is Vim script; `pl` Perl: unknown here rather than highlighted wrongly.
    expect(isKnownLanguage('ex')).toBe(false);
    expect(isKnownLanguage('pl')).toBe(false);
    expect(isKnownLanguage('cloure')).toBe(false);
  });

  it('tell the names Slate highlighted with Rouge but shiki has no grammar for (their warning says so), case as Rouge reads it', () => {
    expect(isRougeOnlyLanguage('jsp')).toBe(true);
    expect(isRougeOnlyLanguage('ex')).toBe(true);
    expect(isRougeOnlyLanguage('JSP')).toBe(false);
    expect(isRougeOnlyLanguage('response')).toBe(false);
    expect(isRougeOnlyLanguage('ruby')).toBe(false);
  });
});
