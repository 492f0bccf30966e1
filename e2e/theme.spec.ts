// Themes: the element follows the page's color-scheme (and through it the user's preference), the
// theme attribute pins a palette, and both palettes pass WCAG contrast: axe's text rules, and 3:1 for
// the bars and focus rings, which axe does not measure.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { PALETTE, type PaletteColour } from '../src/components/mobilenet-classifier/palette';
import { expect, mountClassifier, ON_WASM, test, testImage, waitForResults } from './element-harness';

const strawberry = testImage('n07745940_strawberry');

/** `#rrggbb` as the `rgb(r, g, b)` that getComputedStyle gives. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** WCAG 2.2 contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, b] = colour
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map((v) => {
        const c = Number(v) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The element's colours as the browser resolved them. */
async function usedColours(element: Locator): Promise<Record<PaletteColour, string>> {
  return element.evaluate((el, names) => {
    const probe = document.createElement('span');
    el.shadowRoot!.append(probe);
    const colours = Object.fromEntries(
      names.map((name) => {
        probe.style.color = `var(--mobilenet-${name})`;
        return [name, getComputedStyle(probe).color];
      }),
    );
    probe.remove();
    return colours;
  }, Object.keys(PALETTE)) as Promise<Record<PaletteColour, string>>;
}

async function paletteOf(element: Locator): Promise<'light' | 'dark'> {
  const { bg } = await usedColours(element);
  expect([rgb(PALETTE.bg[0]), rgb(PALETTE.bg[1])], 'the background is one of the palettes').toContain(bg);
  return bg === rgb(PALETTE.bg[1]) ? 'dark' : 'light';
}

async function setPageScheme(page: Page, scheme: string): Promise<void> {
  await page.evaluate((scheme) => (document.documentElement.style.colorScheme = scheme), scheme);
}

test('follows the page: its color-scheme, and the user preference when the page allows both', async ({
  elementPage: page,
}) => {
  const el = await mountClassifier(page, ON_WASM, { waitReady: false });
  const seen: string[] = [];
  for (const [pageScheme, preference] of [
    ['', 'dark'],
    ['dark', 'light'],
    ['light', 'dark'],
    ['light dark', 'dark'],
    ['light dark', 'light'],
  ] as const) {
    await setPageScheme(page, pageScheme);
    await page.emulateMedia({ colorScheme: preference });
    seen.push(`${pageScheme || 'none'}/${preference}: ${await paletteOf(el)}`);
  }
  expect(seen).toEqual([
    // A page that declares nothing is a light page, as for the browser's own form controls.
    'none/dark: light',
    'dark/light: dark',
    'light/dark: light',
    'light dark/dark: dark',
    'light dark/light: light',
  ]);
  const background = await el.evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(background, 'the host paints the palette background').toBe(rgb(PALETTE.bg[0]));
});

test('theme="light" and theme="dark" pin a palette whatever the page says; removed, it follows the page again', async ({
  elementPage: page,
}) => {
  await setPageScheme(page, 'dark');
  const el = await mountClassifier(page, { ...ON_WASM, theme: 'light' }, { waitReady: false });
  expect(await paletteOf(el)).toBe('light');
  await setPageScheme(page, 'light');
  await el.evaluate((e) => e.setAttribute('theme', 'dark'));
  expect(await paletteOf(el)).toBe('dark');
  await el.evaluate((e) => e.removeAttribute('theme'));
  expect(await paletteOf(el)).toBe('light');
  await el.evaluate((e) => ((e as HTMLElement & { theme: string }).theme = 'dark'));
  await expect(el, 'the property is reflected to the attribute the styles read').toHaveAttribute('theme', 'dark');
  expect(await paletteOf(el)).toBe('dark');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the ${theme} palette passes axe and keeps bars and focus rings at 3:1 (results, custom panel, an error)`, async ({
    elementPage: page,
  }) => {
    // The page behind matches the palette, as a page with that theme would.
    await page.evaluate((theme) => {
      document.documentElement.style.colorScheme = theme;
      document.body.style.background = theme === 'dark' ? '#121212' : '#ffffff';
    }, theme);
    const el = await mountClassifier(page, { ...ON_WASM, theme, mode: 'both', features: '' });
    const upload = el.locator('[part=controls] input[type=file]');
    await upload.setInputFiles(strawberry.path);
    await waitForResults(page, 1);
    // A custom class, so that the panel lists one and the picture gets a custom bar.
    await el.evaluate(async (e, url) => {
      const photo = await (await fetch(url)).blob();
      await (e as HTMLElement & { addExample(label: string, source: Blob): Promise<number> }).addExample(
        'berry',
        photo,
      );
    }, `/shared/test-images/${strawberry.file}`);
    await expect(el.locator('[part=custom-results] [part=label]')).toHaveText(['berry']);
    // An error on screen too: a file that is not an image.
    await upload.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hi') });
    await expect(el.locator('[part=error]')).toBeVisible();
    await el
      .getByRole('button', { name: /upload/i })
      .first()
      .focus();

    const { violations } = await new AxeBuilder({ page }).analyze();
    for (const v of violations)
      console.log(`axe (${theme}): [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s))`);
    const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(severe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    const c = await usedColours(el);
    const index = theme === 'dark' ? 1 : 0;
    for (const name of Object.keys(PALETTE) as PaletteColour[])
      expect(c[name], `--mobilenet-${name}`).toBe(rgb(PALETTE[name][index]));
    const ratios = {
      'text on background': contrast(c.fg, c.bg),
      'secondary text on background': contrast(c.muted, c.bg),
      'error text on background': contrast(c.error, c.bg),
      'button text on accent': contrast(c['accent-fg'], c.accent),
      'recording button text on error': contrast(c['accent-fg'], c.error),
      'bar against its track': contrast(c.bar, c['bar-track']),
      'focus ring against background': contrast(c.accent, c.bg),
    };
    console.log(`[theme ${theme}] ${JSON.stringify(ratios, (_, v) => (typeof v === 'number' ? +v.toFixed(2) : v))}`);
    for (const [what, ratio] of Object.entries(ratios))
      expect(ratio, what).toBeGreaterThanOrEqual(what.includes('text') ? 4.5 : 3);
    const ring = await el
      .getByRole('button', { name: /upload/i })
      .first()
      .evaluate((b) => getComputedStyle(b).outlineColor);
    expect(ring, 'the focused button draws its ring in the accent colour').toBe(c.accent);
  });
}
