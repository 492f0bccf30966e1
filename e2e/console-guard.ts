// Every browser test fails when Lit warns in the console, e.g. "scheduled an update (generally because
// a property was set) after an update completed" (https://lit.dev/msg/change-in-update): the dev server
// runs Lit's development build, which names such mistakes. Only "Lit is in dev mode" is expected.
//
// Every spec takes `test` from here (directly or through a harness). Contexts are watched from the
// moment they are created, including a harness's worker-scoped page, so a warning logged while a shared
// page was set up is not lost; each test checks what its own run logged.
import { test as base, type BrowserContext } from '@playwright/test';

/** A Lit dev-mode warning: they all link to lit.dev/msg/<code>. */
const LIT_WARNING = /lit\.dev\/msg\/(?!dev-mode\b)/;

const litWarnings: string[] = [];
const watched = new WeakSet<BrowserContext>();

/** Collects the Lit warnings of every page of `context`, now and later. */
export function watchContext(context: BrowserContext): BrowserContext {
  if (watched.has(context)) return context;
  watched.add(context);
  context.on('console', (message) => {
    if (LIT_WARNING.test(message.text())) litWarnings.push(`${message.type()}: ${message.text()}`);
  });
  return context;
}

export const test = base.extend<{ noLitWarnings: void }>({
  browser: [
    async ({ browser }, use) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => watchContext(await newContext(...args));
      await use(browser);
    },
    { scope: 'worker' },
  ],
  noLitWarnings: [
    async ({ context }, use) => {
      watchContext(context);
      litWarnings.length = 0;
      await use();
      const logged = litWarnings.splice(0);
      if (logged.length) throw new Error(`Lit warned during this test:\n${logged.join('\n')}`);
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
