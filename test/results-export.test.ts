import { describe, expect, it } from 'vitest';
import {
  exportResults,
  float32Text,
  RESULTS_JSON_FORMAT,
  textCell,
} from '../src/components/mobilenet-classifier/results-export';
import type { MobilenetBatchEntry, MobilenetResult } from '../src/events';

function classified(file: string, result: Partial<MobilenetResult> = {}): MobilenetBatchEntry {
  return {
    file,
    status: 'classified',
    result: {
      predictions: [
        { index: 950, label: 'orange', probability: Math.fround(0.75) },
        { index: 951, label: 'lemon', probability: Math.fround(0.1) },
      ],
      backend: 'wasm',
      timings: { preprocess: 1, inference: 2, total: 3 },
      source: { kind: 'upload', name: file },
      ...result,
    },
  };
}

const failed = (file: string, message: string): MobilenetBatchEntry => ({
  file,
  status: 'failed',
  message,
  error: new Error(message),
});

/** An RFC 4180 reader, to check that what the export writes reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (c === '"' || c === '\r' || c === '\n') throw new Error(`unquoted ${JSON.stringify(c)} at ${i}`);
    else cell += c;
  }
  if (cell !== '' || row.length) throw new Error('the text does not end with CRLF');
  return rows;
}

describe('CSV export', () => {
  it('writes a header and one row per file, in order: top-k label, index and probability, and the failures', () => {
    const csv = exportResults([classified('a.jpg'), failed('notes.txt', 'not an image'), classified('b.jpg')], 'csv');
    expect(parseCsv(csv)).toEqual([
      ['file', 'status', 'error', 'label_1', 'index_1', 'probability_1', 'label_2', 'index_2', 'probability_2'],
      ['a.jpg', 'classified', '', 'orange', '950', '0.75', 'lemon', '951', '0.1'],
      ['notes.txt', 'failed', 'not an image', '', '', '', '', '', ''],
      ['b.jpg', 'classified', '', 'orange', '950', '0.75', 'lemon', '951', '0.1'],
    ]);
  });

  it('quotes names with commas, quotes and line breaks so that they read back unchanged', () => {
    const names = ['one, two.jpg', 'say "cheese".jpg', 'line\nbreak.jpg', 'cr\r\nlf.jpg', 'plain.jpg'];
    const rows = parseCsv(
      exportResults(
        names.map((name) => classified(name)),
        'csv',
      ),
    );
    expect(rows.slice(1).map((r) => r[0])).toEqual(names);
    expect(textCell('say "cheese".jpg')).toBe('"say ""cheese"".jpg"');
    expect(textCell('plain.jpg')).toBe('plain.jpg');
  });

  it('defuses text cells a spreadsheet would run as a formula, and leaves numbers alone', () => {
    const names = ['=HYPERLINK("http://x","y").jpg', '+1.jpg', '-2.jpg', '@SUM(A1).jpg', '\tx.jpg', 'a=b.jpg'];
    const rows = parseCsv(
      exportResults(
        [
          ...names.map((name) => classified(name)),
          failed('=bad.txt', '=1+1 is not an image'),
          classified('c.jpg', { predictions: [{ index: 1, label: '-lab', probability: 0.5 }] }),
        ],
        'csv',
      ),
    );
    expect(rows.slice(1, 7).map((r) => r[0])).toEqual([
      `'=HYPERLINK("http://x","y").jpg`,
      "'+1.jpg",
      "'-2.jpg",
      "'@SUM(A1).jpg",
      "'\tx.jpg",
      'a=b.jpg',
    ]);
    expect(rows[7].slice(0, 3)).toEqual(["'=bad.txt", 'failed', "'=1+1 is not an image"]);
    expect(rows[8][3]).toBe("'-lab");
    expect(textCell('\rx')).toBe(`"'\rx"`);
  });

  it('adds the feature vector as columns feature_0… when the results have one, and the custom classes', () => {
    const features = new Float32Array([0.5, 0.1, 0, 1.25]);
    const csv = exportResults(
      [
        classified('a.jpg', {
          features,
          custom: [{ label: 'my mug', probability: 0.875, similarity: 0.9, match: true, method: 'knn' }],
        }),
        failed('x.txt', 'bad'),
      ],
      'csv',
    );
    const [header, a, x] = parseCsv(csv);
    expect(header.slice(9)).toEqual([
      'custom_label_1',
      'custom_probability_1',
      'feature_0',
      'feature_1',
      'feature_2',
      'feature_3',
    ]);
    expect(a.slice(9)).toEqual(['my mug', '0.875', '0.5', '0.1', '0', '1.25']);
    expect(x).toHaveLength(header.length);
  });

  it('is only a header for no results', () => {
    expect(exportResults([], 'csv')).toBe('file,status,error\r\n');
  });
});

describe('JSON export', () => {
  it('holds the format, the model, and per file its predictions (label, index, probability) or its error', () => {
    const json = JSON.parse(
      exportResults([classified('a,b.jpg'), failed('notes.txt', 'not an image')], 'json', {
        model: 'mobilenet_v2_050_96',
      }),
    );
    expect(json).toEqual({
      format: RESULTS_JSON_FORMAT,
      version: 1,
      model: 'mobilenet_v2_050_96',
      results: [
        {
          file: 'a,b.jpg',
          status: 'classified',
          predictions: [
            { label: 'orange', index: 950, probability: 0.75 },
            { label: 'lemon', index: 951, probability: 0.1 },
          ],
        },
        { file: 'notes.txt', status: 'failed', error: 'not an image' },
      ],
    });
  });

  it('includes the feature vector, each value reading back as the same float32', () => {
    const features = new Float32Array(1280).map((_, i) => Math.sin(i) * 3);
    const [entry] = JSON.parse(exportResults([classified('a.jpg', { features })], 'json')).results;
    expect(entry.features).toHaveLength(1280);
    expect(new Float32Array(entry.features)).toEqual(features);
  });
});

describe('float32Text', () => {
  it('writes the shortest decimal that reads back as the same float32', () => {
    expect(float32Text(Math.fround(0.1))).toBe('0.1');
    expect(float32Text(Math.fround(1 / 3))).toBe('0.33333334');
    expect(float32Text(0)).toBe('0');
    expect(float32Text(Math.fround(1e-7))).toBe('1e-7');
    for (const v of new Float32Array(2000).map(() => Math.random() * 10 - 5)) {
      expect(Math.fround(Number(float32Text(v)))).toBe(v);
    }
  });
});
