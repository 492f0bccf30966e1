// Numbers, plurals and lists in one locale, through Intl. Every function entry of a strings table gets
// one of these as its last argument, bound to the locale the element resolved (e.g. de-CH), so that a
// table written once for `de` formats numbers the Swiss way under lang="de-CH".

/** The plural forms of a phrase: `other` is required; `#` stands for the formatted number. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Formatting in one locale. */
export interface Format {
  /** The BCP 47 locale this formats for, e.g. `de-CH`. */
  readonly locale: string;
  /** A whole or decimal number: `1,234` in English, `1.234` in German. */
  number(value: number, fractionDigits?: number): string;
  /**
   * A probability in [0, 1] as a percentage: 12.5% (en), 12,5 % (de, fr), with `fractionDigits`
   * decimals (1), or fewer down to `minimumFractionDigits` when they are zeros: `percent(0.2, 1, 0)` is 20%.
   */
  percent(fraction: number, fractionDigits?: number, minimumFractionDigits?: number): string;
  /** Bytes as megabytes (10^6 bytes), one decimal: 2.8 MB (en), 2,8 MB (de), 2,8 Mo (fr). */
  megabytes(bytes: number): string;
  /**
   * The form of a phrase for `count`, by the locale's plural rules, with `#` replaced by the number.
   *
   * @example
   * f.plural(n, { one: '# example', other: '# examples' }) // "1 example", "5 examples"
   */
  plural(count: number, forms: PluralForms): string;
  /** Items joined as a list: "a, b and c" (en), "a, b und c" (de), "a、b、c" (ja). */
  list(items: readonly string[]): string;
}

const cache = new Map<string, Format>();

/** The formatter of `locale` (cached: Intl's constructors are slow enough to matter in a live loop). */
export function formatFor(locale: string): Format {
  let format = cache.get(locale);
  if (!format) {
    format = createFormat(locale);
    cache.set(locale, format);
  }
  return format;
}

function createFormat(locale: string): Format {
  const numbers = new Map<string, Intl.NumberFormat>();
  const numberFormat = (key: string, options: Intl.NumberFormatOptions) => {
    let nf = numbers.get(key);
    if (!nf) {
      nf = new Intl.NumberFormat(locale, options);
      numbers.set(key, nf);
    }
    return nf;
  };
  const plurals = new Intl.PluralRules(locale);
  const lists = new Intl.ListFormat(locale, { type: 'conjunction' });
  const self: Format = {
    locale,
    number: (value, fractionDigits) =>
      numberFormat(
        `n${fractionDigits}`,
        fractionDigits === undefined
          ? {}
          : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits },
      ).format(value),
    percent: (fraction, fractionDigits = 1, minimumFractionDigits = fractionDigits) =>
      numberFormat(`p${fractionDigits}-${minimumFractionDigits}`, {
        style: 'percent',
        minimumFractionDigits,
        maximumFractionDigits: fractionDigits,
      }).format(fraction),
    megabytes: (bytes) =>
      numberFormat('mb', {
        style: 'unit',
        unit: 'megabyte',
        unitDisplay: 'short',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(bytes / 1e6),
    plural: (count, forms) => {
      const form = forms[plurals.select(count)] ?? forms.other;
      return form.replaceAll('#', self.number(count));
    },
    list: (items) => lists.format(items),
  };
  return self;
}
