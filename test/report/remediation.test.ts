// Remediation texts: every rule in both languages, the article quoted exactly,
// and advice that depends on the Go version.
import { describe, expect, it } from 'vitest';
import { hasCleanups, remediation, remediationMarkdown, ruleExplanation } from '../../src/rules/remediation.js';

const ids = ['FG000', 'FG001', 'FG002', 'FG003', 'FG004', 'FG005', 'FG006', 'FG007', 'FG008', 'FG009'];

// The article's sentences, verbatim.
const original = [
  'Сборщик мусора не сможет вызвать финализатор для foo, а память для объектов foo и bar не гарантируется, что будет освобождена. Это может привести к настоящей утечке памяти.',
  'Сборщик мусора в Go является трассирующим, поэтому он способен корректно обрабатывать циклические ссылки, если не используются финализаторы.',
  'Чтобы решить эту проблему, избегайте циклических ссылок при использовании финализаторов.',
];

const cyrillic = /[а-яё]/i;

describe('hasCleanups', () => {
  it('compares versions numerically from 1.24 on', () => {
    expect(hasCleanups('1.24')).toBe(true);
    expect(hasCleanups('1.24.3')).toBe(true);
    expect(hasCleanups('go1.25')).toBe(true);
    expect(hasCleanups('1.100')).toBe(true);
    expect(hasCleanups('2.0')).toBe(true);
    expect(hasCleanups('1.9')).toBe(false);
    expect(hasCleanups('1.23.12')).toBe(false);
    expect(hasCleanups('1.2')).toBe(false);
  });

  it('treats a missing or unreadable version as unknown', () => {
    expect(hasCleanups(undefined)).toBe(false);
    expect(hasCleanups('')).toBe(false);
    expect(hasCleanups('latest')).toBe(false);
  });
});

describe('remediation', () => {
  it('has a text for every rule in both languages, Russian entirely in Russian', () => {
    for (const id of ids) {
      const en = remediation(id, { lang: 'en' });
      const ru = remediation(id, { lang: 'ru' });
      expect(en).toContain('Fix: ');
      expect(en).not.toMatch(cyrillic);
      expect(ru).toContain('Исправление: ');
      expect(ru).not.toContain('Fix: ');
      for (const paragraph of ru.split('\n\n')) expect(paragraph).toMatch(cyrillic);
      expect(ruleExplanation(id, 'en')).toBe(en.split('\n\n')[0]);
    }
  });

  it('quotes the article verbatim in Russian and marked as a translation in English, for the cycle rules only', () => {
    for (const id of ['FG001', 'FG002']) {
      const ru = remediation(id, { lang: 'ru' });
      for (const sentence of original) expect(ru).toContain(`«${sentence}»`);
      expect(ru).toContain('Из статьи о финализаторах в Go:');
      const en = remediation(id, { lang: 'en' });
      expect(en).toContain('From the article on Go finalizers (translated from Russian):');
      expect(en).toContain('"The garbage collector will not be able to call the finalizer for foo, and the memory of the objects foo and bar is not guaranteed to be freed. This can lead to a real memory leak."');
      expect(en).toContain('"The garbage collector in Go is a tracing one, so it is able to handle cyclic references correctly if finalizers are not used."');
      expect(en).toContain('"To solve this problem, avoid cyclic references when using finalizers."');
      for (const lang of ['en', 'ru'] as const) expect(remediation(id, { lang })).toContain('`runtime.SetFinalizer(f.file, (*file).close)`');
    }
    for (const id of ['FG000', 'FG003', 'FG004', 'FG005', 'FG006', 'FG007', 'FG008']) {
      expect(remediation(id, { lang: 'ru' })).not.toContain(original[0]);
      expect(remediation(id, { lang: 'en' })).not.toContain('translated from Russian');
    }
  });

  it('suggests AddCleanup and weak.Pointer only from Go 1.24', () => {
    for (const id of ['FG001', 'FG002']) {
      const modern = remediation(id, { lang: 'en', goVersion: '1.24' });
      expect(modern).toContain('prefer `runtime.AddCleanup(ptr, cleanup, arg)`');
      expect(modern).toContain('`weak.Pointer[T]`');
      expect(remediation(id, { lang: 'ru', goVersion: '1.25.0' })).toContain('Начиная с Go 1.24 лучше использовать `runtime.AddCleanup');
      for (const goVersion of [undefined, '1.9', '1.23']) {
        const old = remediation(id, { lang: 'en', goVersion });
        expect(old).not.toContain('prefer `runtime.AddCleanup');
        expect(old).toContain('this code does not declare Go 1.24 or later');
        expect(remediation(id, { lang: 'ru', goVersion })).toContain('код не объявляет Go 1.24 или новее');
      }
    }
    expect(remediation('FG003', { lang: 'en', goVersion: '1.24' })).toContain('`runtime.AddCleanup(x, func(h *handle) { h.close() }, x.h)`');
    expect(remediation('FG003', { lang: 'en', goVersion: '1.21' })).not.toContain('x.h)');
  });

  it('gives AddCleanup advice for FG006 whatever the version', () => {
    expect(remediation('FG006', { lang: 'en' })).toBe(remediation('FG006', { lang: 'en', goVersion: '1.24' }));
    expect(remediation('FG006', { lang: 'en' })).toContain('`runtime.AddCleanup(f, func(fd int) { syscall.Close(fd) }, f.fd)`');
  });

  it('names the fatal errors the runtime prints, and the article’s struct value', () => {
    const fg004 = remediation('FG004', { lang: 'en' });
    expect(fg004).toContain('first argument is T, not pointer');
    expect(fg004).toContain('pointer not at beginning of allocated block');
    expect(fg004).toContain("The article's own first example");
    expect(remediation('FG005', { lang: 'en' })).toContain('cannot pass *T to finalizer func() error');
    expect(remediation('FG008', { lang: 'en' })).toContain('"runtime.SetFinalizer: finalizer already set"');
    expect(remediation('FG008', { lang: 'ru' })).toContain('«runtime.SetFinalizer: finalizer already set»');
  });

  it('suggests several cleanups instead of a second finalizer only from Go 1.24', () => {
    expect(remediation('FG008', { lang: 'en', goVersion: '1.24' })).toContain('may be called any number of times on one object, each cleanup');
    expect(remediation('FG008', { lang: 'en', goVersion: '1.23' })).toContain('this code does not declare Go 1.24 or later');
  });

  it('refuses a rule it does not know', () => {
    expect(() => remediation('FG999', { lang: 'en' })).toThrow(/FG999/);
  });
});

describe('remediationMarkdown', () => {
  it('puts the quoted sentences in one block quote', () => {
    const md = remediationMarkdown('FG001', { lang: 'ru' });
    expect(md).toContain(`> ${original[0]}\n>\n> ${original[1]}\n>\n> ${original[2]}\n\n`);
    expect(md).not.toContain('«');
  });

  it('equals the plain text where nothing is quoted', () => {
    for (const id of ['FG000', 'FG003', 'FG004', 'FG005', 'FG006', 'FG007', 'FG008']) {
      expect(remediationMarkdown(id, { lang: 'en', goVersion: '1.24' })).toBe(remediation(id, { lang: 'en', goVersion: '1.24' }));
    }
  });
});
