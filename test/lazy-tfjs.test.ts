// What the element and the public API import before a model is asked for. tf.js (a few hundred KB
// gzipped) must load with the first classifier, through a dynamic import(), so that the element paints
// and accepts a picture before any of it has downloaded (issue 14). This walks the static imports of
// the sources: a value import that reaches @tensorflow/ from an entry fails, naming the path.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The modules a file imports for their values (type-only imports are erased by the build). */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const valueImport =
        !clause ||
        (!clause.isTypeOnly &&
          (clause.name !== undefined ||
            (clause.namedBindings !== undefined &&
              (ts.isNamespaceImport(clause.namedBindings) ||
                clause.namedBindings.elements.some((element) => !element.isTypeOnly)))));
      if (valueImport) found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      const clause = statement.exportClause;
      const valueExport =
        !clause || ts.isNamespaceExport(clause) || clause.elements.some((element) => !element.isTypeOnly);
      if (valueExport) found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  throw new Error(`${relative(ROOT, from)} imports ${specifier}, which is not a .ts file here`);
}

/** Every source file the static graph from `entry` reaches, relative to the repository. */
function staticFiles(entry: string): string[] {
  const seen = new Set<string>([join(ROOT, entry)]);
  for (const file of seen) {
    for (const specifier of runtimeImports(file))
      if (specifier.startsWith('.')) seen.add(resolveLocal(file, specifier));
  }
  return [...seen].map((file) => relative(ROOT, file));
}

/** Each package the static graph from `entry` reaches, with the chain of files that reaches it first. */
function staticPackages(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const queue: { file: string; chain: string[] }[] = [{ file: join(ROOT, entry), chain: [entry] }];
  while (queue.length) {
    const { file, chain } = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith('.')) {
        const next = resolveLocal(file, specifier);
        queue.push({ file: next, chain: [...chain, relative(ROOT, next)] });
      } else if (!packages.has(specifier)) {
        packages.set(specifier, [...chain, specifier]);
      }
    }
  }
  return packages;
}

describe('what loads before the first model', () => {
  for (const entry of ['src/define.ts', 'src/index.ts', 'src/bundle.ts']) {
    it(`${entry} reaches no tf.js module without a dynamic import()`, () => {
      const tf = [...staticPackages(entry)].filter(([name]) => name.startsWith('@tensorflow/'));
      expect(tf.map(([, chain]) => chain.join(' → '))).toEqual([]);
    });
  }

  it('the element reaches English and no other strings table without a dynamic import()', () => {
    const files = staticFiles('src/define.ts');
    expect(files).toContain('src/i18n/en.ts');
    expect(files.filter((file) => /^src\/i18n\/(de|fr|es|ja|tables)\.ts$/.test(file))).toEqual([]);
  });

  it('the classifier, the backends and the trainer do import tf.js (the walk sees them)', () => {
    for (const file of ['src/model/classifier.ts', 'src/model/backend.ts', 'src/custom/head-training.ts']) {
      expect(
        [...staticPackages(file).keys()].some((name) => name.startsWith('@tensorflow/')),
        file,
      ).toBe(true);
    }
  });

  it('tells a value import from a type-only one', () => {
    const packages = [...staticPackages('src/model/shared.ts').keys()];
    // shared.ts imports the Classifier type from ./classifier, and loadClassifier from ./load.
    expect(packages.some((name) => name.startsWith('@tensorflow/'))).toBe(false);
    expect(runtimeImports(join(ROOT, 'src/model/shared.ts'))).toEqual(['./load']);
  });
});
