// The fixtures of the cross-engine tests: one browser per engine (a Playwright project each, see
// playwright.engines.config.ts) and, per test, a fresh page on cross-engine/engine.html with helpers
// that fail saying what was missing. Every test ends by checking that the page had no uncaught error.
import { test as base, expect } from '@playwright/test';
import { launch, type Engine, type EngineName, type EnginePage } from './drivers';
import type { PageEvent } from './page';

const PAGE = '/cross-engine/engine.html';

/** A page on cross-engine/engine.html in one engine. */
export class EngineTab {
  /** Uncaught errors of page loads that a reload has since replaced. */
  private earlierErrors: string[] = [];

  constructor(
    readonly engine: Engine,
    private readonly page: EnginePage,
    private readonly url: string,
  ) {}

  /** Loads the page and waits until <mobilenet-classifier> is defined. */
  async open(): Promise<void> {
    await this.page.goto(this.url);
    await this.waitForElementDefined();
  }

  /** Reloads the page, keeping what the previous load caught for the end-of-test check. */
  async reload(): Promise<void> {
    this.earlierErrors.push(...(await this.errors()));
    await this.page.reload();
    await this.waitForElementDefined();
  }

  private async waitForElementDefined(): Promise<void> {
    const state = await this.poll(
      () => this.page.evaluate(() => document.body?.dataset.ready ?? '', undefined),
      (ready) => ready !== '',
      60_000,
    ).catch(() => 'timeout');
    if (state === 'true') return;
    const errors = await this.errors().catch(() => ['(the page did not answer)']);
    throw new Error(
      `${this.engine.name}: ${PAGE} never defined <mobilenet-classifier> (${state}): ` +
        `did the Vite server start, and does /src/define.ts load here? Page errors: ${JSON.stringify(errors)}`,
    );
  }

  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.page.evaluate(fn, arg);
  }

  /** The uncaught errors and unhandled rejections the page caught since it loaded. */
  errors(): Promise<string[]> {
    return this.page.evaluate(() => window.probe?.errors() ?? ['window.probe is missing'], undefined);
  }

  /** Uncaught errors of every load of this page in this test. */
  async allErrors(): Promise<string[]> {
    return [...this.earlierErrors, ...(await this.errors())];
  }

  /** Adds a <mobilenet-classifier> and waits until it is ready; resolves with its index and backend. */
  mount(attributes: Record<string, string | true>): Promise<{ index: number; backend?: string }> {
    return this.evaluate(({ attributes }) => window.probe.mount(attributes), { attributes });
  }

  /** Pastes the image at `url` with nothing focused; resolves with the file name the page sees. */
  paste(url: string, name: string): Promise<string> {
    return this.page.paste(url, name);
  }

  /** Chooses these files in the element's file input, as a user would. */
  upload(element: number, files: string[]): Promise<void> {
    return this.page.setInputFiles(element, files);
  }

  events(type?: PageEvent['type']): Promise<PageEvent[]> {
    return this.evaluate((type) => window.probe.events(type ?? undefined), type ?? null);
  }

  /** The recorded events of `type` (all types if undefined), once there are at least `count`; fails listing what was recorded instead. */
  async waitForEvents(type: PageEvent['type'] | undefined, count: number, timeout = 30_000): Promise<PageEvent[]> {
    const events = await this.poll(
      () => this.events(type),
      (seen) => seen.length >= count,
      timeout,
    ).catch(async () => {
      const all = await this.events();
      throw new Error(
        `${this.engine.name}: expected ${count} ${type ?? 'mobilenet-*'} event(s) within ${timeout} ms; recorded: ${JSON.stringify(all)}`,
      );
    });
    return events;
  }

  /** Calls `read` until `done` holds for its value; rejects after `timeout` ms. */
  private async poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeout: number): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

export const test = base.extend<{ tab: EngineTab }, { engineName: EngineName; engine: Engine }>({
  engineName: ['chromium', { option: true, scope: 'worker' }],
  engine: [
    async ({ engineName }, use) => {
      const engine = await launch(engineName);
      console.log(`${engineName}: ${engine.version}`);
      await use(engine);
      await engine.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  tab: async ({ engine, baseURL }, use) => {
    const tab = new EngineTab(engine, await engine.newPage(), new URL(PAGE, baseURL).href);
    try {
      await tab.open();
      await use(tab);
      expect(await tab.allErrors(), `${engine.name}: uncaught errors in the page`).toEqual([]);
    } finally {
      await tab.close();
    }
  },
});

export { expect };
