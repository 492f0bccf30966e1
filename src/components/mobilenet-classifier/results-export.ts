// The results of a batch as CSV or JSON text: what `el.exportResults()` returns and the export buttons
// download. Pure functions of the entries, with no DOM, tested under Node (test/results-export.test.ts).
import type { MobilenetBatchEntry } from '../../events';

/** The formats of {@link exportResults}. */
export type ResultsFormat = 'csv' | 'json';
export const RESULTS_FORMATS: readonly ResultsFormat[] = ['csv', 'json'];

/** The `format` field of the JSON export, with `version` 1. */
export const RESULTS_JSON_FORMAT = 'mobilenet-classifier/results';

/** What the export says about where the results came from. */
export interface ExportContext {
  /** The model's id, from its metadata, e.g. `mobilenet_v2_050_96`. */
  model?: string;
}

/**
 * The entries as text.
 *
 * CSV (RFC 4180, CRLF line ends): one row per file, columns `file, status, error`, then `label_i,
 * index_i, probability_i` for i = 1…k (k: the most predictions any row has), then `custom_label_i,
 * custom_probability_i` when any row has custom classes, then `feature_0…feature_1279` when any row has
 * a feature vector. Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return) are prefixed with `'`.
 *
 * JSON: `{ format: 'mobilenet-classifier/results', version: 1, model, results: [{ file, status,
 * predictions: [{ label, index, probability }], custom?, features? } | { file, status: 'failed', error }] }`.
 */
export function exportResults(
  entries: readonly MobilenetBatchEntry[],
  format: ResultsFormat,
  context: ExportContext = {},
): string {
  return format === 'csv' ? toCsv(entries) : toJson(entries, context);
}

export function toCsv(entries: readonly MobilenetBatchEntry[]): string {
  const classified = entries.flatMap((e) => (e.status === 'classified' ? [e.result] : []));
  const k = Math.max(0, ...classified.map((r) => r.predictions.length));
  const customK = Math.max(0, ...classified.map((r) => r.custom?.length ?? 0));
  const features = Math.max(0, ...classified.map((r) => r.features?.length ?? 0));
  const header = [
    'file',
    'status',
    'error',
    ...range(k).flatMap((i) => [`label_${i + 1}`, `index_${i + 1}`, `probability_${i + 1}`]),
    ...range(customK).flatMap((i) => [`custom_label_${i + 1}`, `custom_probability_${i + 1}`]),
    ...range(features).map((i) => `feature_${i}`),
  ];
  const rows = entries.map((entry) => {
    if (entry.status === 'failed') {
      return [textCell(entry.file), 'failed', textCell(entry.message), ...Array<string>(header.length - 3).fill('')];
    }
    const { predictions, custom = [], features: vector } = entry.result;
    return [
      textCell(entry.file),
      'classified',
      '',
      ...range(k).flatMap((i) => {
        const p = predictions[i];
        return p ? [textCell(p.label), String(p.index), float32Text(p.probability)] : ['', '', ''];
      }),
      ...range(customK).flatMap((i) => {
        const c = custom[i];
        return c ? [textCell(c.label), float32Text(c.probability)] : ['', ''];
      }),
      ...range(features).map((i) => (vector && i < vector.length ? float32Text(vector[i]!) : '')),
    ];
  });
  return [header, ...rows].map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

export function toJson(entries: readonly MobilenetBatchEntry[], context: ExportContext = {}): string {
  return JSON.stringify({
    format: RESULTS_JSON_FORMAT,
    version: 1,
    ...(context.model ? { model: context.model } : {}),
    results: entries.map((entry) => {
      if (entry.status === 'failed') return { file: entry.file, status: 'failed', error: entry.message };
      const { predictions, custom, features } = entry.result;
      return {
        file: entry.file,
        status: 'classified',
        predictions: predictions.map((p) => ({
          label: p.label,
          index: p.index,
          probability: Number(float32Text(p.probability)),
        })),
        ...(custom
          ? { custom: custom.map((c) => ({ label: c.label, probability: Number(float32Text(c.probability)) })) }
          : {}),
        ...(features ? { features: Array.from(features, (v) => Number(float32Text(v))) } : {}),
      };
    }),
  });
}

/**
 * One CSV text cell: a leading `=`, `+`, `-`, `@`, tab or carriage return gets a `'` before it, so
 * that Excel, LibreOffice and Google Sheets show the text instead of running it as a formula (OWASP,
 * "CSV Injection"); then the cell is quoted, doubling its quotes, if it holds a comma, quote or line
 * break (RFC 4180). Numbers are written as they are: `-0.5` is a number, not a formula.
 */
export function textCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The shortest decimal that reads back as the same float32 (probabilities and features come from the
 * model as float32): `0.1` rather than `0.10000000149011612`, and never a value that differs.
 */
export function float32Text(value: number): string {
  const single = Math.fround(value);
  // From 6: a float32 is within 6e-8 of the decimal of fewer digits it came from, so 6 digits round to
  // that decimal padded with zeros, which Number() drops. Saves most of the work on 1,280 features a row.
  for (let digits = 6; digits < 9; digits++) {
    const text = String(Number(single.toPrecision(digits)));
    if (Math.fround(Number(text)) === single) return text;
  }
  return String(Number(single.toPrecision(9)));
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
