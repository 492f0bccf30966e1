// Every error the core throws has a code, and every code has a message in every built-in language.
// The codes are read from the source, so a new throw site is covered the moment it is written.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifierError, ClassifierError, classifierMessages } from '../src/model';
import { customClassError, CustomClassError, customClassMessages } from '../src/custom';
import { LOCALES } from '../src/i18n';
import { de, en, es, fr, ja } from '../src/i18n/tables';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORE = ['src/model', 'src/custom'];
/** The files that define the errors and build them: they may construct one directly. */
const FACTORIES = new Set([
  'src/model/errors.ts',
  'src/model/messages.ts',
  'src/custom/errors.ts',
  'src/custom/messages.ts',
]);

async function coreSources(): Promise<{ file: string; text: string }[]> {
  const files = await Promise.all(
    CORE.map(async (dir) =>
      (await readdir(path.join(ROOT, dir))).filter((name) => name.endsWith('.ts')).map((name) => `${dir}/${name}`),
    ),
  );
  return Promise.all(files.flat().map(async (file) => ({ file, text: await readFile(path.join(ROOT, file), 'utf8') })));
}

/** The codes of `classifierError(phase, 'code', …)` and `customClassError(reason, 'code', …)` calls. */
function thrownCodes(text: string): string[] {
  const calls = /\b(?:classifierError|customClassError)\(\s*(?:'[^']*'|\w+),\s*'([a-z0-9-]+)'/g;
  return [...text.matchAll(calls)].map((match) => match[1]!);
}

describe('core error codes', () => {
  it('every error of src/model and src/custom is built with a code: no bare new ClassifierError or CustomClassError', async () => {
    const bare = (await coreSources())
      .filter(({ file }) => !FACTORIES.has(file))
      .flatMap(({ file, text }) =>
        text
          .split('\n')
          .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
          .filter(({ line }) => /new (ClassifierError|CustomClassError)\(/.test(line))
          .map(({ at }) => at),
      );
    expect(bare).toEqual([]);
  });

  it('finds the codes thrown in the source (the reader works)', async () => {
    const codes = new Set((await coreSources()).flatMap(({ text }) => thrownCodes(text)));
    // One of each file's, as a check on the pattern rather than a list to keep up to date.
    for (const code of [
      'http-status',
      'image-too-small',
      'labels-wnid',
      'file-other-model',
      'storage-failed',
      'label-empty',
    ])
      expect(codes).toContain(code);
    expect(codes.size).toBeGreaterThan(50);
  });

  for (const locale of LOCALES) {
    it(`${locale.code} has a message for every code thrown in src/model and src/custom`, async () => {
      const codes = [...new Set((await coreSources()).flatMap(({ text }) => thrownCodes(text)))];
      const table = { en, de, fr, es, ja }[locale.code] as unknown as Record<string, unknown>;
      expect(codes.filter((code) => typeof table[code] !== 'function')).toEqual([]);
    });
  }

  it('the English message of a code is what the core throws, with the code and values on the error', () => {
    const error = classifierError('load', 'http-status', { url: 'https://example.test/model.json', status: 404 });
    expect(error).toBeInstanceOf(ClassifierError);
    expect(error).toMatchObject({ phase: 'load', code: 'http-status', values: { status: 404 } });
    expect(error.message).toBe(
      'Model file not found at https://example.test/model.json (HTTP 404). Run `npm run model` or set model-url.',
    );
    expect(error.message).toBe(
      classifierMessages['http-status']({ url: 'https://example.test/model.json', status: 404 }),
    );

    const custom = customClassError('label', 'class-exists', { label: 'mug' });
    expect(custom).toBeInstanceOf(CustomClassError);
    expect(custom).toMatchObject({ reason: 'label', code: 'class-exists', values: { label: 'mug' } });
    expect(custom.message).toBe('There is already a class called "mug".');
  });

  it('the cause is kept for developers', () => {
    const cause = new TypeError('Failed to fetch');
    expect(classifierError('load', 'fetch-failed', { url: 'x' }, cause).cause).toBe(cause);
    expect(customClassError('storage', 'no-indexeddb', {}).cause).toBeUndefined();
  });

  it('no code means two things: the model and custom registries are disjoint', () => {
    const model = Object.keys(classifierMessages);
    expect(Object.keys(customClassMessages).filter((code) => model.includes(code))).toEqual([]);
  });
});
