// The set-up the README's screenshots share: a Vite dev server on this checkout, Debian's Chromium,
// and e2e/element.html (which defines the element) with ../shared routed in.
import { statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { createServer } from 'vite';
import { routeShared } from '../../e2e/fixtures';
import { ROOT } from './manifest';

/** Opens the element page at `viewport`, runs `shoot` on it, and reports the PNG it wrote to `out`. */
export async function screenshotElementPage(
  out: string,
  viewport: { width: number; height: number },
  shoot: (page: Page) => Promise<void>,
): Promise<void> {
  const server = await createServer({ root: ROOT, logLevel: 'warn', server: { port: 5199, host: '127.0.0.1' } });
  await server.listen();
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('the Vite dev server did not say where it listens');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await routeShared(page);
    // tsx compiles this file with keepNames, which wraps the named functions inside evaluate() in __name().
    await page.addInitScript('globalThis.__name = (f) => f');
    await page.goto(new URL('e2e/element.html', base).href);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    await shoot(page);
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`${path.relative(ROOT, out)}: ${statSync(out).size} bytes`);
}
