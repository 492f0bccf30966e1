// The import rules of CONTRIBUTING.md's "Where things live": each folder of src/ imports only from the
// folders it may. An import that breaks them fails here, naming the file and the import.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../src');

/** Which top-level folders of src/ each folder may import from (itself always). */
const ALLOWED: Record<string, { any: string[]; typesOnly?: string[] }> = {
  util: { any: [] },
  model: { any: ['util'] },
  custom: { any: ['model', 'util'] },
  capture: { any: ['util'] },
  events: { any: [], typesOnly: ['model', 'custom'] },
  i18n: { any: ['model', 'custom', 'capture', 'util'] },
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The relative imports of a file: the src/ folder each reaches, and whether it imports only types. */
function imports(file: string): { folder: string; typesOnly: boolean; text: string }[] {
  const source = readFileSync(file, 'utf8');
  const found: { folder: string; typesOnly: boolean; text: string }[] = [];
  for (const match of source.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gms)) {
    const target = relative(SRC, resolve(file, '..', match[3]!));
    found.push({ folder: target.split(/[\\/]/)[0]!, typesOnly: Boolean(match[2]), text: match[0] });
  }
  return found;
}

describe('layering of src/', () => {
  for (const [folder, rule] of Object.entries(ALLOWED)) {
    it(`src/${folder} imports only ${[...rule.any, ...(rule.typesOnly ?? []).map((f) => `types of ${f}`)].join(', ') || 'itself'}`, () => {
      const broken = files(join(SRC, folder)).flatMap((file) =>
        imports(file)
          .filter(
            (i) =>
              i.folder !== folder &&
              !rule.any.includes(i.folder) &&
              !(i.typesOnly && rule.typesOnly?.includes(i.folder)),
          )
          .map((i) => `${relative(SRC, file)}: ${i.text.replace(/\s+/g, ' ')}`),
      );
      expect(broken).toEqual([]);
    });
  }

  it('nothing but the entries and the demo imports the element', () => {
    const outside = files(SRC).filter(
      (file) => !/[\\/](components|demo)[\\/]/.test(file) && !/[\\/](index|define|bundle)\.ts$/.test(file),
    );
    const broken = outside.flatMap((file) =>
      imports(file)
        .filter((i) => i.folder === 'components')
        .map((i) => `${relative(SRC, file)}: ${i.text}`),
    );
    expect(broken).toEqual([]);
  });

  it('sees the imports it checks', () => {
    // A guard against a regex that matches nothing: the element imports from all of these.
    const element = imports(join(SRC, 'components/mobilenet-classifier/mobilenet-classifier.component.ts'));
    expect([...new Set(element.map((i) => i.folder))]).toEqual(
      expect.arrayContaining(['capture', 'events', 'model', 'components']),
    );
  });
});
