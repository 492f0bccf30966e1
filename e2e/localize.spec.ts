// The Localizer in a real browser, on a tiny element (e2e/localize-probe.ts): which language an element
// speaks (its lang, the nearest ancestor's through shadow roots, the document's) and that it follows
// every change of those live. <mobilenet-classifier> itself: e2e/element-i18n.spec.ts.
import { expect, test, type Page } from '@playwright/test';

/** The probe's texts: its button, its plural line, its percentage and its translated error. */
async function texts(page: Page, selector = 'localize-probe') {
  return page.evaluate((selector) => {
    const probe = selector.includes('>>>')
      ? document.querySelector(selector.split('>>>')[0]!.trim())!.shadowRoot!.querySelector('localize-probe')!
      : document.querySelector(selector)!;
    const part = (name: string) => probe.shadowRoot!.querySelector(`[part=${name}]`)!.textContent!.trim();
    return {
      upload: part('upload'),
      classified: part('classified'),
      percent: part('percent').replace(/[\u00a0\u202f]/g, ' '),
      error: part('error').replace(/[\u00a0\u202f]/g, ' '),
    };
  }, selector);
}

const upload = async (page: Page, selector?: string) => (await texts(page, selector)).upload;

test.beforeEach(async ({ page }) => {
  await page.goto('/e2e/localize.html');
  await expect(page.locator('body[data-ready=true]')).toBeAttached();
});

test('speaks its own lang, else the nearest ancestor’s, else the document’s', async ({ page }) => {
  await page.evaluate(() => {
    document.body.innerHTML = '<div lang="fr"><section><localize-probe lang="de"></localize-probe></section></div>';
  });
  await expect.poll(() => upload(page)).toBe('Bilder hochladen');
  await page.evaluate(() => document.querySelector('localize-probe')!.removeAttribute('lang'));
  await expect.poll(() => upload(page)).toBe('Choisir des images');
  await page.evaluate(() => document.querySelector('div')!.removeAttribute('lang'));
  await expect.poll(() => upload(page)).toBe('Upload images');
  await page.evaluate(() => (document.documentElement.lang = 'ja'));
  await expect.poll(() => upload(page)).toBe('画像を選択');
});

test('switches every string live when its lang changes, with plurals and numbers of the new locale', async ({
  page,
}) => {
  await page.evaluate(() => (document.body.innerHTML = '<localize-probe></localize-probe>'));
  expect(await texts(page)).toEqual({
    upload: 'Upload images',
    classified: 'Classified 5 images.',
    percent: 'zebra, 12.5%',
    error: 'There is already a class called "mug".',
  });
  const rendersBefore = await page.evaluate(() => document.querySelector('localize-probe')!.renders);
  await page.evaluate(() => document.querySelector('localize-probe')!.setAttribute('lang', 'de'));
  await expect.poll(() => upload(page)).toBe('Bilder hochladen');
  expect(await texts(page)).toEqual({
    upload: 'Bilder hochladen',
    classified: '5 Bilder klassifiziert.',
    percent: 'zebra, 12,5 %',
    error: 'Es gibt bereits eine Klasse namens „mug“.',
  });
  for (const [lang, expected] of [
    ['fr', { upload: 'Choisir des images', classified: '5 images classées.', percent: 'zebra, 12,5 %' }],
    ['es', { upload: 'Elegir imágenes', classified: '5 imágenes clasificadas.', percent: 'zebra, 12,5 %' }],
    ['ja', { upload: '画像を選択', classified: '5枚の画像を分類しました。', percent: 'zebra、12.5%' }],
  ] as const) {
    await page.evaluate((lang) => document.querySelector('localize-probe')!.setAttribute('lang', lang), lang);
    await expect.poll(() => upload(page)).toBe(expected.upload);
    expect(await texts(page)).toMatchObject(expected);
  }
  // A lang change elsewhere in the page that does not change this element's language renders nothing.
  // (A change of <html lang> does re-render: the library updates every element then.)
  const renders = await page.evaluate(() => document.querySelector('localize-probe')!.renders);
  expect(renders).toBeGreaterThan(rendersBefore);
  await page.evaluate(() => {
    const aside = document.body.appendChild(document.createElement('aside'));
    aside.lang = 'fr';
  });
  await page.evaluate(() => new Promise(requestAnimationFrame));
  expect(await page.evaluate(() => document.querySelector('localize-probe')!.renders)).toBe(renders);
});

test('inherits the language through a shadow root from the host’s ancestors, and follows them live', async ({
  page,
}) => {
  await page.evaluate(() => (document.body.innerHTML = '<div lang="es"><probe-frame></probe-frame></div>'));
  await expect.poll(() => upload(page, 'probe-frame >>> localize-probe')).toBe('Elegir imágenes');
  await page.evaluate(() => document.querySelector('div')!.setAttribute('lang', 'ja'));
  await expect.poll(() => upload(page, 'probe-frame >>> localize-probe')).toBe('画像を選択');
  // A lang inside the shadow tree, on the probe itself, wins over the light DOM's.
  await page.evaluate(() =>
    document.querySelector('probe-frame')!.shadowRoot!.querySelector('localize-probe')!.setAttribute('lang', 'de'),
  );
  await expect.poll(() => upload(page, 'probe-frame >>> localize-probe')).toBe('Bilder hochladen');
});

test('an element moved to another part of the page takes that part’s language', async ({ page }) => {
  await page.evaluate(() => {
    document.body.innerHTML =
      '<div id="a" lang="de"><localize-probe></localize-probe></div><div id="b" lang="fr"></div>';
  });
  await expect.poll(() => upload(page)).toBe('Bilder hochladen');
  await page.evaluate(() => document.querySelector('#b')!.append(document.querySelector('localize-probe')!));
  await expect.poll(() => upload(page)).toBe('Choisir des images');
  // The old parent no longer matters.
  await page.evaluate(() => document.querySelector('#a')!.setAttribute('lang', 'ja'));
  await page.evaluate(() => new Promise(requestAnimationFrame));
  expect(await upload(page)).toBe('Choisir des images');
});

test('a regional tag uses its language’s table with the region’s numbers; an unknown language falls back to English', async ({
  page,
}) => {
  await page.evaluate(() => (document.body.innerHTML = '<localize-probe lang="de-CH"></localize-probe>'));
  await expect.poll(() => upload(page)).toBe('Bilder hochladen');
  expect((await texts(page)).percent).toBe('zebra, 12.5%');
  await page.evaluate(() => document.querySelector('localize-probe')!.setAttribute('lang', 'pt-BR'));
  await expect.poll(() => upload(page)).toBe('Upload images');
  expect((await texts(page)).percent).toBe('zebra, 12.5%');
  // Not a language tag at all: English.
  await page.evaluate(() => document.querySelector('localize-probe')!.setAttribute('lang', 'not a tag!'));
  await expect.poll(() => upload(page)).toBe('Upload images');
});

test('registerStrings adds a language: its entries in that language, the rest in English, numbers in it', async ({
  page,
}) => {
  await page.evaluate(() => {
    window.i18n.registerStrings('pt', { uploadImages: 'Escolher imagens' }, { name: 'Português' });
    document.body.innerHTML = '<localize-probe lang="pt-BR"></localize-probe>';
  });
  await expect.poll(() => upload(page)).toBe('Escolher imagens');
  // Brazilian Portuguese writes no space before the % sign.
  expect(await texts(page)).toMatchObject({ classified: 'Classified 5 images.', percent: 'zebra, 12,5%' });
});

test('the strings property overrides any entry, in every language, text or function', async ({ page }) => {
  await page.evaluate(() => (document.body.innerHTML = '<localize-probe lang="de"></localize-probe>'));
  await page.evaluate(() => {
    document.querySelector('localize-probe')!.strings = {
      uploadImages: 'Fotos wählen',
      classified: (n, f) => f.plural(n, { one: '# Foto sortiert', other: '# Fotos sortiert' }),
      'class-exists': ({ label }) => `„${label}“ gibt es schon.`,
    };
  });
  await expect.poll(() => upload(page)).toBe('Fotos wählen');
  expect(await texts(page)).toMatchObject({ classified: '5 Fotos sortiert', error: '„mug“ gibt es schon.' });
  // Entries it leaves out stay translated.
  expect((await texts(page)).percent).toBe('zebra, 12,5 %');
});

test('errors: a code in the language, a known error type without one as is, anything else as a failure', async ({
  page,
}) => {
  await page.evaluate(() => (document.body.innerHTML = '<localize-probe lang="fr"></localize-probe>'));
  await expect.poll(() => upload(page)).toBe('Choisir des images');
  const shown = await page.evaluate(() => {
    const { localizer } = document.querySelector('localize-probe')!;
    const { ClassifierError } = window.i18n;
    return [
      localizer.error(new ClassifierError('input', 'untranslated', { code: 'paste-no-image', values: {} })),
      localizer.error(new RangeError('topK must be a whole number of at least 1, got 0.')),
      localizer.error(new TypeError('x is not a function')),
      localizer.error('a string'),
    ].map((text) => text.replace(/[\u00a0\u202f]/g, ' '));
  });
  expect(shown).toEqual([
    'Le presse-papiers ne contient aucune image. Copiez une image, puis collez à nouveau.',
    'topK must be a whole number of at least 1, got 0.',
    'Échec du classement : x is not a function',
    'Échec du classement : a string',
  ]);
});
