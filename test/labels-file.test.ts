import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClassifierError, MAX_LABELS_FILE_CHARS, parseTranslatedLabels, type Label } from '../src/model';
import { fakeLabels } from './fake-labels';

const URL = 'https://example.test/labels-de.json';
/** A model of four classes, background first, like the real one's 1001. */
const model = fakeLabels(['background', 'tench', 'goldfish', 'shark']);
const german = ['Hintergrund', 'Schleie', 'Goldfisch', 'Weißer Hai'];
const translated = (names = german): Label[] => model.map((l, i) => ({ ...l, label: names[i]!, fullName: names[i]! }));

/** The code of the ClassifierError `work` throws (and checks that it is one, of phase load). */
function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(ClassifierError);
    expect((error as ClassifierError).phase).toBe('load');
    return (error as ClassifierError).code;
  }
  throw new Error('did not throw');
}

describe('parseTranslatedLabels', () => {
  it('reads a file in the format of labels.json, as text or parsed, and returns the translated names', () => {
    const file = translated();
    expect(parseTranslatedLabels(JSON.stringify(file), model).map((l) => l.label)).toEqual(german);
    expect(parseTranslatedLabels(file, model)).toEqual(file);
  });

  it('keeps the model’s WordNet ids and indices, and defaults fullName to the label', () => {
    const file = translated().map(({ fullName: _, ...rest }) => rest);
    expect(parseTranslatedLabels(file, model)[2]).toEqual({
      index: 2,
      wnid: 'n00000002',
      label: 'Goldfisch',
      fullName: 'Goldfisch',
    });
  });

  it('reads a real labels.json against itself: 1001 entries, class 0 background', async () => {
    const text = await readFile(path.resolve(import.meta.dirname, '../public/model/labels.json'), 'utf8');
    const labels = JSON.parse(text) as Label[];
    const parsed = parseTranslatedLabels(text, labels);
    expect(parsed).toHaveLength(1001);
    expect(parsed[0]).toMatchObject({ index: 0, wnid: 'background' });
    expect(parsed).toEqual(labels);
  });

  it('refuses text that is not JSON', () => {
    expect(codeOf(() => parseTranslatedLabels('Hintergrund\nSchleie', model))).toBe('labels-not-json');
  });

  it('refuses a file larger than the limit before parsing it', () => {
    const huge = `[${' '.repeat(MAX_LABELS_FILE_CHARS)}]`;
    expect(codeOf(() => parseTranslatedLabels(huge, model))).toBe('labels-too-large');
  });

  it('refuses JSON that is not an array', () => {
    expect(codeOf(() => parseTranslatedLabels({ labels: translated() }, model))).toBe('labels-not-array');
  });

  it('refuses a file with one entry too few or too many, naming both counts', () => {
    expect(codeOf(() => parseTranslatedLabels(translated().slice(1), model))).toBe('labels-count');
    expect(() => parseTranslatedLabels([...translated(), translated()[0]], model, URL)).toThrow(
      `${URL}: labels.json has 5 entries but the model has 4 classes.`,
    );
  });

  it('refuses a file shifted by one line: its WordNet ids do not match the model’s', () => {
    const shifted = translated().map((l, i) => ({ ...l, wnid: model[(i + 1) % model.length]!.wnid }));
    expect(codeOf(() => parseTranslatedLabels(shifted, model))).toBe('labels-wnid');
  });

  it('refuses entries that are not objects, lack the wnid or index, or whose names are not text', () => {
    const broken = (change: (entries: unknown[]) => void) => {
      const entries: unknown[] = translated();
      change(entries);
      return () => parseTranslatedLabels(entries, model);
    };
    expect(codeOf(broken((e) => (e[1] = 'Schleie')))).toBe('labels-entry');
    expect(codeOf(broken((e) => (e[1] = null)))).toBe('labels-entry');
    expect(codeOf(broken((e) => (e[1] = { ...(e[1] as object), index: 2 })))).toBe('labels-entry');
    expect(codeOf(broken((e) => (e[1] = { index: 1, label: 'Schleie' })))).toBe('labels-entry');
    expect(codeOf(broken((e) => (e[1] = { ...(e[1] as object), label: 7 })))).toBe('labels-entry');
    expect(codeOf(broken((e) => (e[1] = { ...(e[1] as object), fullName: ['x'] })))).toBe('labels-entry');
  });

  it('refuses an empty or blank name, naming the entry', () => {
    expect(codeOf(() => parseTranslatedLabels(translated(['Hintergrund', '', 'Goldfisch', 'Hai']), model))).toBe(
      'labels-empty-name',
    );
    expect(() => parseTranslatedLabels(translated(['Hintergrund', 'Schleie', '  ', 'Hai']), model, URL)).toThrow(
      `${URL}: labels file entry 2 has an empty label`,
    );
  });
});
