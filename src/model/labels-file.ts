// A translated labels file: the class names of the model in another language, in the format of the
// model's own labels.json (what `labels-url` loads). It is checked entry by entry against the model's
// labels, so that a file for another model, or one shifted by a line, is refused rather than shown.
import { classifierError } from './messages';
import type { Label } from './types';

/**
 * The largest labels file read, in characters. The model's English labels.json is 91 KB; names in a
 * script of three UTF-8 bytes a character stay well below a megabyte, so 2 M characters is generous.
 */
export const MAX_LABELS_FILE_CHARS = 2_000_000;

/**
 * Checks a translated labels file against the model's labels and returns the translated labels.
 *
 * The file is a JSON array with one entry per class of the model, in the model's order:
 * `{ "index": i, "wnid": "n01440764", "label": "Schleie", "fullName": "Schleie, Tinca tinca" }`.
 * `index` and `wnid` must be the model's for that class (class 0 is `background`); `label` is the
 * translated name shown in results and must not be empty; `fullName` is optional (defaults to `label`).
 *
 * @param input the file's text, or its parsed JSON.
 * @param model the model's labels (`classifier.labels`).
 * @param url where the file came from, named in messages.
 * @throws ClassifierError (phase `load`) with code `labels-too-large`, `labels-not-json`,
 *   `labels-not-array`, `labels-count`, `labels-entry`, `labels-wnid` or `labels-empty-name`.
 * @example
 * const labels = parseTranslatedLabels(await (await fetch('/labels-de.json')).text(), classifier.labels);
 */
export function parseTranslatedLabels(input: unknown, model: readonly Label[], url?: string): Label[] {
  const at = url === undefined ? {} : { url };
  let json = input;
  if (typeof input === 'string') {
    if (input.length > MAX_LABELS_FILE_CHARS) {
      throw classifierError('load', 'labels-too-large', {
        ...at,
        megabytes: input.length / 1e6,
        maxMegabytes: MAX_LABELS_FILE_CHARS / 1e6,
      });
    }
    try {
      json = JSON.parse(input);
    } catch (error) {
      throw classifierError('load', 'labels-not-json', at, error);
    }
  }
  if (!Array.isArray(json)) throw classifierError('load', 'labels-not-array', at);
  if (json.length !== model.length) {
    throw classifierError('load', 'labels-count', { ...at, entries: json.length, classes: model.length });
  }
  return json.map((entry: unknown, index): Label => {
    const e = entry as Partial<Record<keyof Label, unknown>> | null;
    const expected = model[index]!;
    if (typeof e !== 'object' || e === null || e.index !== index || typeof e.wnid !== 'string') {
      throw classifierError('load', 'labels-entry', { ...at, index });
    }
    if (e.wnid !== expected.wnid) {
      throw classifierError('load', 'labels-wnid', { ...at, index, expected: expected.wnid, found: e.wnid });
    }
    if (typeof e.label !== 'string' || (e.fullName !== undefined && typeof e.fullName !== 'string')) {
      throw classifierError('load', 'labels-entry', { ...at, index });
    }
    if (!e.label.trim()) throw classifierError('load', 'labels-empty-name', { ...at, index });
    const fullName = typeof e.fullName === 'string' && e.fullName.trim() ? e.fullName : e.label;
    return { index, wnid: expected.wnid, label: e.label, fullName };
  });
}

/**
 * Fetches a translated labels file and checks it with {@link parseTranslatedLabels}.
 *
 * @throws ClassifierError (phase `load`): `labels-fetch-failed`, `labels-http-status`, or one of
 *   parseTranslatedLabels's codes; an AbortError when `signal` fires.
 */
export async function fetchTranslatedLabels(
  url: string,
  model: readonly Label[],
  options: { signal?: AbortSignal } = {},
): Promise<Label[]> {
  let response: Response;
  try {
    response = await fetch(url, { signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    throw classifierError('load', 'labels-fetch-failed', { url }, error);
  }
  if (!response.ok) throw classifierError('load', 'labels-http-status', { url, status: response.status });
  return parseTranslatedLabels(await response.text(), model, url);
}
