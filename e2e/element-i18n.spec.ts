// Issue 16, part 2: <mobilenet-classifier> in German, French, Spanish and Japanese. Every text of the
// element must come from its locale's strings table. To prove it, the page re-registers each built-in
// table with every entry wrapped in invisible marks (one start mark per locale, one end mark), so a text
// the table produced carries them and anything else does not: the check then collects every text node,
// aria-label, aria-valuetext, title, placeholder and alt in the shadow root and fails on what is left
// once the marked parts are taken out, unless it is content (an ImageNet class name without labels-url,
// a file name, a class the user named). The same page also serves the live lang switch, the `strings`
// override and `labels-url`. Runs in the fake-camera browser, for the camera's texts, and on wasm.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import type { MobilenetStrings } from '../src/i18n';
import { expect, test } from './camera-harness';
import { routeShared, TEST_IMAGES, TEST_IMAGES_DIR } from './fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LABELS: { index: number; wnid: string; label: string; fullName: string }[] = JSON.parse(
  readFileSync(path.join(root, 'public/model/labels.json'), 'utf8'),
);

const LOCALES = ['de', 'fr', 'es', 'ja'] as const;
type Code = (typeof LOCALES)[number];
/** The start mark of each locale's entries (private-use characters); every entry ends with END. */
const START: Record<Code, string> = { de: '\uE010', fr: '\uE011', es: '\uE012', ja: '\uE013' };
const END = '\uE001';

/** Pictures the model gets right, named as the test gives them (file names are content, not UI). */
const image = (start: string) => {
  const found = TEST_IMAGES.find((t) => t.file.startsWith(start))!;
  const upload = {
    name: found.file,
    mimeType: 'image/jpeg',
    buffer: readFileSync(path.join(TEST_IMAGES_DIR, found.file)),
  };
  return { ...found, upload };
};
const STRAWBERRY = image('n07745940_strawberry');
const TURTLE = image('n01667114_mud_turtle');
const LORIKEET = image('n01820546_lorikeet');
const NOTES = { name: 'notes-Q.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') };
/** The user's classes (content too). */
const CLASSES = ['Q-mug', 'Q-cat', 'Q-gone'];
/** Texts that are not the element's words: class names (English, as no labels-url is set), files, classes. */
const CONTENT = [
  ...new Set(LABELS.map((l) => l.label)),
  STRAWBERRY.file,
  TURTLE.file,
  LORIKEET.file,
  NOTES.name,
  ...CLASSES,
];

declare global {
  interface Window {
    /** What `host` shows that the table of mark `own` did not produce (see {@link foreignTexts}). */
    foreignTexts?: (host: Element, own: string) => string[];
    /** What a batch's list showed, checked as it ran. */
    busyTexts?: string[];
  }
}

/**
 * Registers every built-in locale's table again with its entries marked (see the top of this file),
 * and puts the check on `window.foreignTexts`.
 */
async function markTables(page: Page): Promise<void> {
  await routeShared(page);
  await page.evaluate(
    async ({ start, end, content }) => {
      if (window.foreignTexts) return;
      const i18n = await import('/src/i18n/index.ts' as string);
      for (const { code } of i18n.LOCALES as { code: string }[]) {
        const mark = start[code];
        if (!mark) continue;
        // The built-in tables (the element loads them on demand).
        const strings = (await import('/src/i18n/tables.ts' as string))[code] as Record<string, unknown>;
        const marked = Object.fromEntries(
          Object.entries(strings).map(([key, entry]) => [
            key,
            typeof entry === 'function'
              ? (...args: unknown[]) => `${mark}${(entry as (...a: unknown[]) => string)(...args)}${end}`
              : `${mark}${entry as string}${end}`,
          ]),
        );
        i18n.registerStrings(code, marked);
      }
      const starts = Object.values(start);
      const allowed = new Set(content);
      window.foreignTexts = (host, own) => {
        const found: string[] = [];
        const check = (text: string, where: string) => {
          let outside = '';
          let depth = 0;
          for (const ch of text) {
            if (starts.includes(ch)) {
              if (ch !== own) found.push(`${where}: a text of another locale's table in "${text}"`);
              depth++;
              outside += '\n';
            } else if (ch === end) depth--;
            else if (depth === 0) outside += ch;
          }
          for (const piece of outside.split('\n').map((p) => p.trim()))
            if (piece && !allowed.has(piece)) found.push(`${where}: "${piece}"`);
        };
        const describe = (element: Element) =>
          `<${element.localName}${element.getAttribute('part') ? ` part=${element.getAttribute('part')}` : ''}>`;
        const walker = document.createTreeWalker(host.shadowRoot!, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node instanceof Text) {
            const parent = node.parentElement;
            if (parent && (parent.localName === 'style' || parent.localName === 'script')) continue;
            check(node.data, parent ? describe(parent) : 'shadow root');
          } else if (node instanceof Element) {
            for (const name of ['aria-label', 'aria-valuetext', 'title', 'placeholder', 'alt']) {
              const value = node.getAttribute(name);
              if (value) check(value, `${describe(node)} ${name}`);
            }
          }
        }
        return found;
      };
    },
    { start: START as Record<string, string>, end: END, content: CONTENT },
  );
}

/**
 * What the element shows that its `code` table did not produce: every text node and text attribute of
 * its shadow root, with the parts marked by that table taken out, and what is left unless it is content.
 * A part marked by another locale's table is reported too.
 */
function foreignTexts(el: Locator, code: Code): Promise<string[]> {
  return el.evaluate((host, own) => window.foreignTexts!(host, own), START[code]);
}

/** A text as users see it: the marks taken out. */
const plain = (text: string | null) => (text ?? '').replace(/[\uE010-\uE013\uE001]/g, '').trim();

/** Adds a <mobilenet-classifier> with these attributes to `container` (a CSS selector) and waits until it is ready. */
async function mount(page: Page, container: string, attributes: Record<string, string | true>): Promise<Locator> {
  const id = await page.evaluate(
    ({ container, attributes }) => {
      const element = document.createElement('mobilenet-classifier');
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value === true ? '' : value);
      element.id = `el-${document.querySelectorAll('mobilenet-classifier').length}`;
      document.querySelector(container)!.append(element);
      return element.id;
    },
    { container, attributes },
  );
  const el = page.locator(`#${id}`);
  await el.evaluate((host: MobilenetClassifier) => host.ready);
  return el;
}

/** A container for the elements of one state, with `lang` set (or none). */
async function section(page: Page, id: string, lang?: string): Promise<string> {
  await page.evaluate(
    ({ id, lang }) => {
      const s = document.createElement('section');
      s.id = id;
      if (lang) s.lang = lang;
      document.body.append(s);
    },
    { id, lang },
  );
  return `#${id}`;
}

/**
 * The richest state one element can show: custom and ImageNet results with the "none of these" line,
 * the teaching panel with classes, an undo line, the rename form and the forget confirmation, a batch
 * list with a failed row and an expanded one, a picture shown from it with the region's square and its
 * explanation, the feature buttons, and an error on screen.
 */
async function richElement(page: Page, container: string, key: string): Promise<Locator> {
  const el = await mount(page, container, {
    backend: 'wasm',
    mode: 'both',
    explain: true,
    features: true,
    region: '0.1 0.1 0.8',
    'min-similarity': '1',
    'classes-key': key,
  });
  await el.evaluate(
    async (host: MobilenetClassifier, { files, classes }) => {
      const picture = async (file: string) => (await fetch(`/shared/test-images/${file}`)).blob();
      await host.addExample(classes[0]!, await picture(files[0]!));
      await host.addExample(classes[1]!, await picture(files[1]!));
      await host.addExample(classes[2]!, await picture(files[1]!));
      await host.removeClass(classes[2]!);
    },
    { files: [TURTLE.file, LORIKEET.file], classes: CLASSES },
  );
  await el.locator('[part=controls] input[type=file]').setInputFiles([STRAWBERRY.upload, NOTES, TURTLE.upload]);
  await expect(el.locator('[part=batch-row]')).toHaveCount(3);
  await expect(el.locator('[part=batch-progress]')).toHaveCount(0);
  await el.locator('[part=batch-row].classified .expand').first().click();
  await el.locator('[part=batch-row].classified button.show').first().click();
  await expect(el.locator('[part=heat-legend]')).toBeVisible();
  await expect(el.locator('[part=region]')).toBeVisible();
  await el.locator('[part=custom-class][data-label="Q-cat"] .class-actions button').nth(2).click();
  await el.locator('.teach-actions button.danger').click();
  await el.evaluate((host: MobilenetClassifier) => host.renameClass('Q-none', 'Q-new').catch(() => {}));
  await expect(el.locator('[part=error]')).toBeVisible();
  return el;
}

/** Elements for what the rich one cannot show at once: "Not sure", an empty teaching panel, the camera, live explain. */
async function otherElements(page: Page, container: string, key: string, code: Code): Promise<Locator[]> {
  const notSure = await mount(page, container, {
    backend: 'wasm',
    mode: 'both',
    'min-probability': '0.999',
    'classes-key': key,
  });
  await notSure.evaluate(
    (host: MobilenetClassifier, file) => host.classify(`/shared/test-images/${file}`),
    STRAWBERRY.file,
  );
  await expect(notSure.locator('[part=not-sure]')).toBeVisible();
  // A batch whose rows have no prediction (all under min-probability), checked while it runs too.
  await notSure.evaluate((host, own) => {
    window.busyTexts = undefined;
    host.addEventListener('mobilenet-batch-progress', async () => {
      await (host as MobilenetClassifier).updateComplete;
      if (!window.busyTexts && host.shadowRoot!.querySelector('[part=batch-progress]'))
        window.busyTexts = window.foreignTexts!(host, own);
    });
  }, START[code]);
  await notSure.locator('[part=controls] input[type=file]').setInputFiles([TURTLE.upload, LORIKEET.upload]);
  await expect(notSure.locator('[part=batch-row] [part=row-label].none')).toHaveCount(2);
  expect(await page.evaluate(() => window.busyTexts), `${code}: the batch list while it ran`).toEqual([]);
  await notSure.locator('[part=batch-row] button.show').first().click();
  await expect(notSure.locator('[part=not-sure]')).toBeVisible();
  const live = await mount(page, container, {
    backend: 'wasm',
    camera: true,
    live: true,
    explain: true,
    'max-fps': '4',
  });
  // Live mode pauses while the element is off screen, as it is below the others.
  await live.scrollIntoViewIfNeeded();
  await expect(live.locator('[part=explain-button]')).toBeEnabled({ timeout: 15_000 });
  await live.locator('[part=explain-button]').click();
  await expect(live.locator('[part=heat-legend]')).toBeVisible();
  const capture = await mount(page, container, { backend: 'wasm', camera: true });
  await expect(capture.locator('[part=capture-button]')).toBeEnabled({ timeout: 15_000 });
  return [notSure, live, capture];
}

/** The parts that must be on screen for the check to mean something. */
const RICH_PARTS = [
  'status',
  'results',
  'custom-results',
  'custom-none',
  'teach',
  'custom-class',
  'batch',
  'row-error',
  'row-predictions',
  'heat-legend',
  'explain-summary',
  'region',
  'picture',
  'features',
  'error',
];

test('each built-in locale renders the whole element with no string its table did not produce', async ({
  elementPage: page,
}) => {
  test.setTimeout(240_000);
  await markTables(page);
  for (const code of LOCALES) {
    const container = await section(page, `in-${code}`, code);
    const rich = await richElement(page, container, `i18n-rich-${code}`);
    const others = await otherElements(page, container, `i18n-other-${code}`, code);
    for (const part of RICH_PARTS)
      await expect(rich.locator(`[part=${part}]`).first(), `${code}: no [part=${part}] rendered`).toBeAttached();
    expect(await foreignTexts(rich, code), `${code}: the rich element`).toEqual([]);
    for (const [i, el] of others.entries())
      expect(await foreignTexts(el, code), `${code}: element ${i + 1}`).toEqual([]);
    // The filter's hint, which hides the failed row (it has no label to match).
    await rich.locator('[part=batch-filter]').fill('a');
    await expect(rich.locator('.batch-tools + .hint')).toBeVisible();
    expect(await foreignTexts(rich, code), `${code}: the rich element, filtered`).toEqual([]);
    // The whole check saw texts of this table: the marked ones are most of what is on screen.
    const marked = await rich.evaluate(
      (host, mark) => (host.shadowRoot!.textContent!.match(new RegExp(mark, 'g')) ?? []).length,
      START[code],
    );
    expect(marked, `${code}: marked texts`).toBeGreaterThan(40);
    if (code === 'ja') {
      // The check can fail: a text, an aria-label and a placeholder written in English are each caught.
      await rich.evaluate((host: MobilenetClassifier) => {
        const injected = document.createElement('p');
        injected.innerHTML = 'Upload images <button aria-label="Close"></button><input placeholder="Search" />';
        host.shadowRoot!.append(injected);
      });
      expect(await foreignTexts(rich, code)).toEqual([
        '<p>: "Upload images"',
        '<button> aria-label: "Close"',
        '<input> placeholder: "Search"',
      ]);
      // So is an English entry that the table would have given in Japanese.
      await rich.evaluate((host: MobilenetClassifier) => {
        host.shadowRoot!.lastElementChild!.remove();
        host.strings = { uploadImages: 'Upload images' };
        // The element renders in the next animation frame.
        return host.updateComplete;
      });
      expect(await foreignTexts(rich, code)).toEqual(['<button part=upload-button>: "Upload images"']);
    }
    await page.evaluate((id) => document.getElementById(id)!.remove(), `in-${code}`);
  }
});

test('a live lang switch on the element, an ancestor or <html> rewords everything, the status and the error on screen too', async ({
  elementPage: page,
}) => {
  await markTables(page);
  const container = await section(page, 'switching');
  const el = await richElement(page, container, 'i18n-switch');
  const status = el.locator('[part=status]');
  const error = el.locator('[part=error]');
  await expect(status).toHaveText('Ready · runs on wasm');
  await expect(error).toContainText('There is no class called "Q-none".');
  const expected = (code: Code) =>
    page.evaluate(async (code) => {
      const i18n = await import('/src/i18n/index.ts' as string);
      const table = (await import('/src/i18n/tables.ts' as string))[code] as MobilenetStrings;
      const f = i18n.formatFor(code);
      return { status: table.ready('wasm', f), error: table['class-missing']({ label: 'Q-none' }, f) };
    }, code);

  const switches: [Code, string][] = [
    ['de', 'the element'],
    ['fr', 'its section'],
    ['ja', '<html>'],
  ];
  for (const [code, where] of switches) {
    await page.evaluate(
      ({ code, where }) => {
        const el = document.querySelector('#switching mobilenet-classifier')!;
        el.removeAttribute('lang');
        document.getElementById('switching')!.removeAttribute('lang');
        const target =
          where === 'the element'
            ? el
            : where === '<html>'
              ? document.documentElement
              : document.getElementById('switching')!;
        target.setAttribute('lang', code);
      },
      { code, where },
    );
    const words = await expected(code);
    await expect(status, `${code} set on ${where}`).toHaveText(`${START[code]}${words.status}${END}`);
    await expect
      .poll(async () => plain(await error.textContent()), { message: `${code}: the error` })
      .toBe(words.error);
    expect(await foreignTexts(el, code), `${code} set on ${where}`).toEqual([]);
  }
  await page.evaluate(() => (document.documentElement.lang = 'en'));
  await expect(status).toHaveText('Ready · runs on wasm');
});

test('the strings property changes a button and a plural entry, and an error by its code', async ({
  elementPage: page,
}) => {
  await markTables(page);
  const container = await section(page, 'override', 'de');
  const el = await mount(page, container, { backend: 'wasm', mode: 'custom', 'classes-key': 'i18n-override' });
  await el.evaluate(async (host: MobilenetClassifier, file) => {
    const picture = await (await fetch(`/shared/test-images/${file}`)).blob();
    await host.addExample('Q-one', picture);
    await host.addExample('Q-two', picture);
    await host.addExample('Q-two', picture);
  }, TURTLE.file);
  const upload = el.locator('[part=upload-button]');
  const counts = el.locator('[part=custom-class] .count');
  await expect(upload).toHaveText(`${START.de}Bilder hochladen${END}`);
  await expect.poll(async () => (await counts.allTextContents()).map(plain)).toEqual(['1 Beispiel', '2 Beispiele']);
  await el.evaluate((host: MobilenetClassifier) => {
    host.strings = {
      uploadImages: 'Fotos wählen',
      exampleCount: (n, f) => f.plural(n, { one: '# Foto', other: '# Fotos' }),
      'class-missing': ({ label }) => `Keine Klasse „${label}“ da.`,
    };
    return host.renameClass('Q-none', 'x').catch(() => {});
  });
  await expect(upload).toHaveText('Fotos wählen');
  expect((await counts.allTextContents()).map((t) => t.trim())).toEqual(['1 Foto', '2 Fotos']);
  await expect(el.locator('[part=error]')).toHaveText('Keine Klasse „Q-none“ da.');
  // Everything else is still the German table's.
  await expect(el.locator('[part=add-class] button')).toHaveText(`${START.de}Klasse hinzufügen${END}`);
});

test('labels-url: a translated file names the top-5, the batch list, the explanation and the export; a wrong file is refused and English stays', async ({
  elementPage: page,
}) => {
  await markTables(page);
  const translated = LABELS.map((l) => ({ ...l, label: `de:${l.label}`, fullName: `de:${l.fullName}` }));
  await page.route('**/labels/*.json', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    if (name === 'de.json') return route.fulfill({ json: translated });
    if (name === 'short.json') return route.fulfill({ json: translated.slice(0, 1000) });
    if (name === 'not-json.json') return route.fulfill({ body: 'Hintergrund\nSchleie', contentType: 'text/plain' });
    return route.fulfill({ status: 404, body: 'not found' });
  });
  const container = await section(page, 'labels', 'de');
  const el = await mount(page, container, { backend: 'wasm', explain: true, 'labels-url': '/labels/de.json' });
  const shown = () => el.locator('[part=results] [part=label]').allTextContents();
  const result = await el.evaluate(async (host: MobilenetClassifier, file) => {
    const { predictions } = await host.classify(`/shared/test-images/${file}`);
    return predictions;
  }, STRAWBERRY.file);
  expect(result[0]!.index).toBe(STRAWBERRY.index);
  expect(result.map((p) => p.label)).toEqual(result.map((p) => `de:${LABELS[p.index]!.label}`));
  await expect.poll(shown).toEqual(result.map((p) => p.label));
  await expect(el.locator('[part=explain-summary]')).toContainText(`„de:${LABELS[STRAWBERRY.index]!.label}“`);

  await el.locator('[part=controls] input[type=file]').setInputFiles([STRAWBERRY.upload, TURTLE.upload]);
  await expect(el.locator('[part=batch-row] [part=row-label]')).toHaveCount(2);
  const tops = await el.evaluate((host: MobilenetClassifier) =>
    host.results.map((entry) => (entry.status === 'classified' ? entry.result.predictions[0]! : undefined)),
  );
  expect(tops.map((top) => top?.label)).toEqual(tops.map((top) => `de:${LABELS[top!.index]!.label}`));
  await expect(el.locator('[part=batch-row] [part=row-label]')).toHaveText(tops.map((top) => top!.label));
  // A row shown in the main view (the batch took the picture on screen away).
  await el.locator('[part=batch-row] button.show').first().click();
  await expect.poll(shown).toEqual(result.map((p) => p.label));
  const csv = await el.evaluate((host: MobilenetClassifier) => host.exportResults('csv'));
  expect(csv).toContain(`,de:${LABELS[STRAWBERRY.index]!.label},${STRAWBERRY.index},`);

  const refusals: [string, string, Record<string, unknown>][] = [
    ['/labels/short.json', 'labels-count', { url: '/labels/short.json', entries: 1000, classes: 1001 }],
    ['/labels/not-json.json', 'labels-not-json', { url: '/labels/not-json.json' }],
    ['/labels/missing.json', 'labels-http-status', { url: '/labels/missing.json', status: 404 }],
  ];
  for (const [url, code, values] of refusals) {
    await el.evaluate((host: MobilenetClassifier, url) => (host.labelsUrl = url), url);
    const message = await page.evaluate(
      async ({ code, values }) => {
        const i18n = await import('/src/i18n/index.ts' as string);
        const { de } = await import('/src/i18n/tables.ts' as string);
        return (de as Record<string, (v: unknown, f: unknown) => string>)[code]!(values, i18n.formatFor('de'));
      },
      { code, values },
    );
    await expect
      .poll(async () => plain(await el.locator('[part=error]').textContent()), { message: url })
      .toBe(message);
    await expect
      .poll(shown, { message: `${url}: the English names are back` })
      .toEqual(result.map((p) => LABELS[p.index]!.label));
    await expect(el.locator('[part=batch-row] [part=row-label]').first()).toHaveText(LABELS[STRAWBERRY.index]!.label);
  }
  await el.evaluate((host: MobilenetClassifier) => (host.labelsUrl = '/labels/de.json'));
  await expect.poll(shown).toEqual(result.map((p) => p.label));
  await expect(el.locator('[part=error]')).toHaveCount(0);
});

test('with no lang anywhere the element speaks the browser’s language', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ locale: 'de-DE', baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  await page.goto('/e2e/element.html');
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await page.evaluate(() => {
    document.documentElement.removeAttribute('lang');
    document.body.append(document.createElement('mobilenet-classifier'));
  });
  await expect(page.locator('mobilenet-classifier [part=upload-button]')).toHaveText('Bilder hochladen');
  await context.close();
});
