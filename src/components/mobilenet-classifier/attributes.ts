// How the element reads its attributes and properties, the way native elements do (`<input maxlength>`):
// a removed attribute means its default, an invalid value means the default plus one console.warn saying
// what is accepted, and a number out of range is clamped. Nothing here touches the DOM or Lit, so the
// rules are unit-tested under Node (test/attributes.test.ts) and any controller can reuse them.

import { DEFAULT_MIN_SIMILARITY } from '../../custom/knn';
import type { ClassSelector } from '../../model/filters';
import type { Backend } from '../../model/types';
import { regionRule } from './region';

/** The reading rule of one attribute and its property. */
export interface AttributeRule<T> {
  /** The attribute's name, e.g. `top-k`. */
  readonly attribute: string;
  /** The property's name, e.g. `topK`. */
  readonly property: string;
  /** The value of a missing or invalid attribute. */
  readonly fallback: T;
  /** What is accepted, for messages: e.g. `a whole number from 1 to 1001`. */
  readonly accepted: string;
  /** The value of an attribute's text, clamped into range; `undefined` when the text is not a value. */
  parse(text: string): { value: T; clamped: boolean } | undefined;
  /** Whether a value set through the property is allowed as it is (properties are not clamped). */
  allows(value: unknown): value is T;
}

export type Warn = (message: string) => void;

const defaultWarn: Warn = (message) => console.warn(message);

/** The value an attribute's text stands for (`null`: the attribute is absent). Warns when it is invalid or clamped. */
export function readAttribute<T>(rule: AttributeRule<T>, text: string | null, warn: Warn = defaultWarn): T {
  if (text === null) return rule.fallback;
  const parsed = rule.parse(text);
  const shown = `<mobilenet-classifier ${rule.attribute}="${text}">`;
  if (!parsed) {
    warn(`${shown}: not ${rule.accepted}; using the default, ${String(rule.fallback)}.`);
    return rule.fallback;
  }
  if (parsed.clamped) warn(`${shown}: out of range (${rule.accepted}); using ${String(parsed.value)}.`);
  return parsed.value;
}

/**
 * The value a property keeps after being set to `value`: `null` and `undefined` mean the default (as
 * frameworks set a property they unbind); an invalid value is ignored with a warning, keeping `previous`.
 */
export function readProperty<T>(rule: AttributeRule<T>, value: unknown, previous: T, warn: Warn = defaultWarn): T {
  if (value === null || value === undefined) return rule.fallback;
  if (rule.allows(value)) return value;
  warn(
    `<mobilenet-classifier>.${rule.property} = ${describe(value)}: not ${rule.accepted}; keeping ${String(previous)}.`,
  );
  return previous;
}

/** A Lit converter that reads the attribute by `rule`. */
export function converterOf<T>(rule: AttributeRule<T>): { fromAttribute: (text: string | null) => T } {
  return { fromAttribute: (text) => readAttribute(rule, text) };
}

/** A number in [min, max]; `minExclusive` makes the lower bound open (a value at or under it is invalid, not clamped). */
export function numberRule(
  attribute: string,
  property: string,
  options: { min: number; max: number; fallback: number; integer?: boolean; minExclusive?: boolean; unit?: string },
): AttributeRule<number> {
  const { min, max, fallback, integer = false, minExclusive = false } = options;
  const kind = integer ? 'a whole number' : 'a number';
  const accepted = minExclusive ? `${kind} above ${min}, up to ${max}` : `${kind} from ${min} to ${max}`;
  const isNumber = (n: number) => Number.isFinite(n) && (!integer || Number.isInteger(n));
  const inRange = (n: number) => (minExclusive ? n > min : n >= min) && n <= max;
  return {
    attribute,
    property,
    fallback,
    accepted,
    parse(text) {
      const trimmed = text.trim();
      const n = trimmed === '' ? Number.NaN : Number(trimmed);
      if (!isNumber(n) || (minExclusive && n <= min)) return undefined;
      const value = Math.min(max, Math.max(min, n));
      return { value, clamped: value !== n };
    },
    allows: (value): value is number => typeof value === 'number' && isNumber(value) && inRange(value),
  };
}

/** One of a few keywords, compared without regard to case, like a native enumerated attribute. */
export function keywordRule<T extends string>(
  attribute: string,
  property: string,
  keywords: readonly T[],
  fallback: T,
): AttributeRule<T> {
  return {
    attribute,
    property,
    fallback,
    accepted: `one of ${keywords.join(', ')}`,
    parse(text) {
      const value = keywords.find((k) => k === text.trim().toLowerCase());
      return value === undefined ? undefined : { value, clamped: false };
    },
    allows: (value): value is T => keywords.includes(value as T),
  };
}

/** Any text that is not empty or only white space. */
export function textRule(attribute: string, property: string, fallback: string): AttributeRule<string> {
  return {
    attribute,
    property,
    fallback,
    accepted: 'a non-empty name',
    parse: (text) => (text.trim() ? { value: text, clamped: false } : undefined),
    allows: (value): value is string => typeof value === 'string' && value.trim() !== '',
  };
}

/**
 * A comma-separated list of classes: each entry a class index (`281`), a label (`tabby`) or a WordNet
 * id (`n02123045`). Empty means no filter. Whether each entry names a class is checked against the
 * model once it is loaded (see class-filters.ts).
 */
export function classListRule(attribute: string, property: string): AttributeRule<readonly ClassSelector[]> {
  return {
    attribute,
    property,
    fallback: [],
    accepted: 'a comma-separated list of class labels or indices',
    parse(text) {
      const entries = text
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
      return { value: entries.map((entry) => (/^\d+$/.test(entry) ? Number(entry) : entry)), clamped: false };
    },
    allows: (value): value is readonly ClassSelector[] =>
      Array.isArray(value) &&
      value.every(
        (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0) || (typeof v === 'string' && v.trim() !== ''),
      ),
  };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The rules of `<mobilenet-classifier>`'s attributes that take a value (the boolean ones cannot be invalid). */
export const RULES = {
  backend: keywordRule<Backend | 'auto'>('backend', 'backend', ['webgpu', 'webgl', 'wasm', 'cpu', 'auto'], 'webgl'),
  topK: numberRule('top-k', 'topK', { min: 1, max: 1001, fallback: 5, integer: true }),
  crop: numberRule('crop', 'crop', { min: 0, max: 1, fallback: 1, minExclusive: true }),
  facingMode: keywordRule('facing-mode', 'facingMode', ['user', 'environment'] as const, 'user'),
  maxFps: numberRule('max-fps', 'maxFps', { min: 0, max: 60, fallback: 15, minExclusive: true }),
  mode: keywordRule('mode', 'mode', ['imagenet', 'custom', 'both'] as const, 'imagenet'),
  classesKey: textRule('classes-key', 'classesKey', 'default'),
  minProbability: numberRule('min-probability', 'minProbability', { min: 0, max: 1, fallback: 0 }),
  includeClasses: classListRule('include-classes', 'includeClasses'),
  excludeClasses: classListRule('exclude-classes', 'excludeClasses'),
  minSimilarity: numberRule('min-similarity', 'minSimilarity', { min: -1, max: 1, fallback: DEFAULT_MIN_SIMILARITY }),
  theme: keywordRule('theme', 'theme', ['auto', 'light', 'dark'] as const, 'auto'),
  region: regionRule,
};

/**
 * Properties set to null or undefined (as frameworks unbind them) take their default; an invalid value
 * is ignored with a warning, like a native element's, so that one bad value never stops the element.
 * Called first in the host's `willUpdate`; a property set back to what it was no longer counts as changed.
 */
export function normaliseProperties<T extends object>(host: T, changed: Map<PropertyKey, unknown>): void {
  for (const [key, rule] of Object.entries(RULES) as [keyof typeof RULES & keyof T, AttributeRule<unknown>][]) {
    if (!changed.has(key)) continue;
    const previous = changed.get(key) ?? rule.fallback;
    const value = readProperty(rule, host[key], previous);
    if (value === host[key]) continue;
    (host as Record<string, unknown>)[key as string] = value;
    // Set back to what it was: nothing changed.
    if (value === previous) changed.delete(key);
  }
}
