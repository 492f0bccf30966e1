import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, formatFor, LOCALES, type Format, type MobilenetStrings, type StringKey } from '../src/i18n';
import { de, es, fr, ja } from '../src/i18n/tables';

/** The built-in tables (the element loads all but English on demand). */
const TABLES: Record<string, MobilenetStrings> = { en, de, fr, es, ja };
import { ERROR_VALUES, NOT_SHOWN_AS_IS, UI_ARGS } from './i18n-samples';

/**
 * Entries that read the same as in English on purpose, per locale: Japanese writes a percentage as
 * English does (12.5%), and a probability is nothing but one.
 */
const SAME_AS_ENGLISH: Record<string, readonly StringKey[]> = { de: [], fr: [], es: [], ja: ['probability'] };

const argsOf = (key: StringKey): unknown[] =>
  key in UI_ARGS ? UI_ARGS[key as keyof typeof UI_ARGS] : [ERROR_VALUES[key as keyof typeof ERROR_VALUES]];

function render(strings: MobilenetStrings, key: StringKey, format: Format, args = argsOf(key)): string {
  const entry = strings[key] as string | ((...args: unknown[]) => string);
  return typeof entry === 'function' ? entry(...args, format) : entry;
}

/** The text values given to an entry (its string arguments, and the strings among its values). */
function textValues(args: unknown[]): string[] {
  return args.flatMap((arg) => {
    if (typeof arg === 'string') return [arg];
    if (Array.isArray(arg)) return arg.filter((item): item is string => typeof item === 'string');
    if (arg && typeof arg === 'object')
      return Object.entries(arg).flatMap(([name, value]) => (NOT_SHOWN_AS_IS.has(name) ? [] : textValues([value])));
    return [];
  });
}

const english = Object.keys(en).sort();
const others = LOCALES.filter((l) => l.code !== 'en').map((l) => ({ ...l, strings: TABLES[l.code]! }));

describe('built-in locales', () => {
  it('are English, German, French, Spanish and Japanese, each named in its own language', () => {
    expect(LOCALES.map((l) => `${l.code} ${l.name}`)).toEqual([
      'en English',
      'de Deutsch',
      'fr Français',
      'es Español',
      'ja 日本語',
    ]);
  });

  it('the sample arguments cover every entry of the English table, and nothing else', () => {
    expect([...Object.keys(UI_ARGS), ...Object.keys(ERROR_VALUES)].sort()).toEqual(english);
  });

  for (const locale of others) {
    describe(locale.code, () => {
      const format = formatFor(locale.code);

      it('has every key of en and no other', () => {
        const keys = Object.keys(locale.strings).sort();
        expect(
          english.filter((key) => !keys.includes(key)),
          'missing',
        ).toEqual([]);
        expect(
          keys.filter((key) => !english.includes(key)),
          'extra',
        ).toEqual([]);
      });

      it('has no empty entry, and none that reads as the English one unless marked as the same on purpose', () => {
        const problems = english.flatMap((key) => {
          const text = render(locale.strings, key as StringKey, format);
          if (!text.trim()) return [`${key}: empty`];
          const same = text === render(en, key as StringKey, formatFor('en'));
          if (same !== SAME_AS_ENGLISH[locale.code]!.includes(key as StringKey))
            return [`${key}: ${same ? 'identical to English' : 'marked as the same but differs'} (${text})`];
          return [];
        });
        expect(problems).toEqual([]);
      });

      it('shows every text value it is given: names, URLs, file names, details', () => {
        const dropped = english.flatMap((key) => {
          const args = argsOf(key as StringKey);
          const text = render(locale.strings, key as StringKey, format, args);
          return textValues(args)
            .filter((value) => !text.includes(value))
            .map((value) => `${key}: ${value}`);
        });
        expect(dropped).toEqual([]);
      });

      it('leaves no placeholder or undefined in what it renders', () => {
        const broken = english.filter((key) =>
          /undefined|\[object |#|\$\{/.test(render(locale.strings, key as StringKey, format)),
        );
        expect(broken).toEqual([]);
      });
    });
  }

  it('English shows every text value it is given too', () => {
    const dropped = english.flatMap((key) => {
      const args = argsOf(key as StringKey);
      const text = render(en, key as StringKey, formatFor('en'), args);
      return textValues(args)
        .filter((value) => !text.includes(value))
        .map((value) => `${key}: ${value}`);
    });
    expect(dropped).toEqual([]);
  });
});

describe('plurals through Intl.PluralRules', () => {
  const count = (code: string, n: number) => render(TABLES[code]!, 'exampleCount', formatFor(code), [n]);

  it('English, German and Spanish have one form for 1 and another for 2 and 5', () => {
    expect([1, 2, 5].map((n) => count('en', n))).toEqual(['1 example', '2 examples', '5 examples']);
    expect([1, 2, 5].map((n) => count('de', n))).toEqual(['1 Beispiel', '2 Beispiele', '5 Beispiele']);
    expect([1, 2, 5].map((n) => count('es', n))).toEqual(['1 ejemplo', '2 ejemplos', '5 ejemplos']);
  });

  it('French takes the singular for 0 and 1, as French does', () => {
    expect([0, 1, 2, 5].map((n) => count('fr', n))).toEqual(['0 exemple', '1 exemple', '2 exemples', '5 exemples']);
  });

  it('Japanese has no plural forms: only the number changes', () => {
    expect([1, 2, 5].map((n) => count('ja', n))).toEqual(['1件のサンプル', '2件のサンプル', '5件のサンプル']);
    expect(new Intl.PluralRules('ja').resolvedOptions().pluralCategories).toEqual(['other']);
  });

  it('sentences agree with the count: "Classified 1 image." and "Classified 5 images."', () => {
    const classified = (code: string, n: number) => render(TABLES[code]!, 'classified', formatFor(code), [n]);
    expect([classified('en', 1), classified('en', 5)]).toEqual(['Classified 1 image.', 'Classified 5 images.']);
    expect([classified('de', 1), classified('de', 5)]).toEqual(['1 Bild klassifiziert.', '5 Bilder klassifiziert.']);
    expect([classified('fr', 1), classified('fr', 5)]).toEqual(['1 image classée.', '5 images classées.']);
    expect([classified('es', 1), classified('es', 5)]).toEqual(['1 imagen clasificada.', '5 imágenes clasificadas.']);
    expect([classified('ja', 1), classified('ja', 5)]).toEqual([
      '1枚の画像を分類しました。',
      '5枚の画像を分類しました。',
    ]);
  });

  it('a form without `#` is used as is, and a missing form falls back to `other`', () => {
    const f = formatFor('en');
    expect(f.plural(1, { one: 'one item', other: '# items' })).toBe('one item');
    expect(f.plural(1, { other: '# items' })).toBe('1 items');
  });
});

describe('numbers through Intl.NumberFormat of the locale', () => {
  // French and Spanish group with (narrow) no-break spaces; compared with plain spaces here.
  const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

  it('percentages: 12.5% in English and Japanese, 12,5 % in German, French and Spanish', () => {
    expect(['en', 'de', 'fr', 'es', 'ja'].map((code) => plain(formatFor(code).percent(0.125)))).toEqual([
      '12.5%',
      '12,5 %',
      '12,5 %',
      '12,5 %',
      '12.5%',
    ]);
  });

  it('percentages keep one decimal, as the English element always showed: 100.0%, 0.0%', () => {
    expect([formatFor('en').percent(1), formatFor('en').percent(0)]).toEqual(['100.0%', '0.0%']);
  });

  it('megabytes: 2.8 MB in English, 2,8 MB in German, 2,8 Mo in French', () => {
    expect(['en', 'de', 'fr'].map((code) => plain(formatFor(code).megabytes(2_815_656)))).toEqual([
      '2.8 MB',
      '2,8 MB',
      '2,8 Mo',
    ]);
  });

  it('the load progress reads in the locale: "Loading the model… 1.2 MB of 2.8 MB"', () => {
    const progress = (code: string) => plain(render(TABLES[code]!, 'loadingBytes', formatFor(code)));
    expect(progress('en')).toBe('Loading the model… 1.2 MB of 2.8 MB');
    expect(progress('de')).toBe('Modell wird geladen … 1,2 MB von 2,8 MB');
    expect(progress('fr')).toBe('Chargement du modèle… 1,2 Mo sur 2,8 Mo');
  });

  it('a regional locale formats its own way with its language’s table: de-CH writes 12.5%, not 12,5 %', () => {
    expect(plain(render(de, 'announceResult', formatFor('de-CH'), ['Zebra', 0.125]))).toBe('Zebra, 12.5%');
  });

  it('lists join in the language: "a, b and c", "a, b und c", "a、b、c"', () => {
    expect(['en', 'de', 'ja'].map((code) => formatFor(code).list(['a', 'b', 'c']))).toEqual([
      'a, b, and c',
      'a, b und c',
      'a、b、c',
    ]);
  });
});

describe("the element's templates", () => {
  const DIR = path.resolve(import.meta.dirname, '../src/components/mobilenet-classifier');

  /** The static parts of every html`…` literal of `source`, each expression replaced by a NUL. */
  function templateBodies(source: string): string[] {
    const bodies: string[] = [];
    for (const match of source.matchAll(/html`/g)) {
      let body = '';
      for (let i = match.index + 'html`'.length; i < source.length && source[i] !== '`'; i++) {
        if (source[i] === '$' && source[i + 1] === '{') {
          for (let depth = 0; i < source.length; i++) {
            if (source[i] === '{') depth++;
            else if (source[i] === '}' && --depth === 0) break;
          }
          body += '\u0000';
        } else body += source[i];
      }
      bodies.push(body);
    }
    return bodies;
  }

  /** Words written into a template: text between tags, and text attributes, that are not expressions. */
  function wordsIn(source: string): string[] {
    return templateBodies(source).flatMap((body) => [
      ...[...`>${body}<`.matchAll(/>([^<>]*[A-Za-z][^<>]*)</g)].map((m) => m[1]!.replace(/\s+/g, ' ').trim()),
      ...[...body.matchAll(/\b(?:aria-label|aria-valuetext|title|placeholder|alt)="([^"]*[A-Za-z][^"]*)"/g)].map(
        (m) => m[0],
      ),
    ]);
  }

  it('the scan finds words written into a template, nested ones too', () => {
    const sample = 'html`<p title="Hi">Upload ${x ? html`<b>Camera</b>` : nothing}</p>${y}`; html`Ready · ${z}`';
    expect(wordsIn(sample)).toEqual(['Upload \u0000', 'title="Hi"', 'Camera', 'Ready · \u0000']);
  });

  it('hold no words of their own: every text and text attribute comes from the strings table', () => {
    const files = readdirSync(DIR).filter((name) => name.endsWith('.template.ts'));
    expect(files.length).toBeGreaterThan(8);
    const words = files.flatMap((name) =>
      wordsIn(readFileSync(path.join(DIR, name), 'utf8')).map((word) => `${name}: ${word}`),
    );
    expect(words).toEqual([]);
  });
});
