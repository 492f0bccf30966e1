// One small interface over three ways of driving a browser, so that the cross-engine tests are written
// once: Chromium through Playwright, Firefox ESR through puppeteer-core (WebDriver BiDi: Playwright
// 1.65's stock-Firefox channel fails on newContext with "emulation.setMediaFeaturesOverride: unknown
// command"), and WebKitGTK's MiniBrowser through WebKitWebDriver (WebDriver classic, selenium-webdriver).
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { chromium, type Browser as PlaywrightBrowser, type Page as PlaywrightPage } from '@playwright/test';
import puppeteer, {
  type Browser as PuppeteerBrowser,
  type ElementHandle,
  type Page as PuppeteerPage,
} from 'puppeteer-core';
import { Builder, By, type WebDriver } from 'selenium-webdriver';

export type EngineName = 'chromium' | 'firefox' | 'webkit';

/** A page in one engine, as the tests see it. */
export interface EnginePage {
  /** Navigates to `url` and resolves once the document has loaded. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs `fn(arg)` in the page; resolves with its (JSON-serialisable) result, rejects with its error. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /**
   * Pastes the image at `url` (same origin) with nothing focused, as Ctrl+V would. Resolves with the
   * file name the page's paste event carries.
   */
  paste(url: string, name: string): Promise<string>;
  /** Sets the files of the file input in the shadow root of the page's `element`-th <mobilenet-classifier>, as a user choosing them does. */
  setInputFiles(element: number, files: string[]): Promise<void>;
  close(): Promise<void>;
}

/** A running browser of one engine. */
export interface Engine {
  name: EngineName;
  /** What it is, e.g. "Firefox 153.8.0esr". */
  version: string;
  /** A page in a fresh profile or context: no storage shared with other tests. */
  newPage(): Promise<EnginePage>;
  close(): Promise<void>;
}

/** Where each engine is found; each can be overridden from the environment. */
export const BINARIES = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
  webkitDriver: process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver',
  miniBrowser: process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
};

const INSTALL: Record<keyof typeof BINARIES, string> = {
  chromium: 'apt-get install -y chromium (or set CHROMIUM_PATH)',
  firefox: 'apt-get install -y firefox-esr (or set FIREFOX_PATH)',
  webkitDriver: 'apt-get install -y webkit2gtk-driver (or set WEBKIT_DRIVER_PATH)',
  miniBrowser: 'apt-get install -y webkit2gtk-driver, which brings libwebkit2gtk-4.1 (or set MINIBROWSER_PATH)',
};

/** Throws naming what is missing and how to install it, before a launch fails with something vaguer. */
export function requireEngine(name: EngineName): void {
  const needed: (keyof typeof BINARIES)[] =
    name === 'chromium' ? ['chromium'] : name === 'firefox' ? ['firefox'] : ['webkitDriver', 'miniBrowser'];
  for (const binary of needed) {
    try {
      accessSync(BINARIES[binary], constants.X_OK);
    } catch {
      throw new Error(`${name}: ${BINARIES[binary]} is missing or not executable. ${INSTALL[binary]}.`);
    }
  }
  if (name !== 'chromium' && !process.env.DISPLAY) {
    throw new Error(
      `${name} needs a display (Firefox runs headful because headless Firefox has no WebGL; WebKitGTK's ` +
        'MiniBrowser has no headless mode): run under xvfb-run, as `npm run test:engines` does ' +
        '(apt-get install -y xvfb), or set DISPLAY.',
    );
  }
}

/** Chromium's flags: no calls to Google services (closed network here), and a fake camera that needs no permission. */
const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
];

export async function launch(name: EngineName): Promise<Engine> {
  requireEngine(name);
  if (name === 'chromium') return launchChromium();
  if (name === 'firefox') return launchFirefox();
  return launchWebKit();
}

async function launchChromium(): Promise<Engine> {
  const browser: PlaywrightBrowser = await chromium.launch({ executablePath: BINARIES.chromium, args: CHROMIUM_ARGS });
  return {
    name: 'chromium',
    version: `Chromium ${browser.version()}`,
    async newPage() {
      const context = await browser.newContext();
      return playwrightPage(await context.newPage(), () => context.close());
    },
    close: () => browser.close(),
  };
}

function playwrightPage(page: PlaywrightPage, close: () => Promise<void>): EnginePage {
  return {
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as never, arg) as Promise<R>,
    paste: (url, name) => page.evaluate(dispatchPaste, { url, name }),
    setInputFiles: (element, files) =>
      page.locator('mobilenet-classifier').nth(element).locator('input[type=file]').setInputFiles(files),
    close,
  };
}

async function launchFirefox(): Promise<Engine> {
  const browser: PuppeteerBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: BINARIES.firefox,
    // Headful, on the display xvfb-run provides: headless Firefox has no WebGL, so tf.js would fall back
    // to wasm and the WebGL backend would go untested.
    headless: false,
    extraPrefsFirefox: {
      // A generated camera stream, granted without a prompt.
      'media.navigator.streams.fake': true,
      'media.navigator.permission.disabled': true,
      // navigator.clipboard.write without a user gesture, for paste().
      'dom.events.testing.asyncClipboard': true,
    },
  });
  return {
    name: 'firefox',
    version: (await browser.version()).replace(/^firefox\//i, 'Firefox '),
    async newPage() {
      const context = await browser.createBrowserContext();
      return puppeteerPage(await context.newPage(), () => context.close());
    },
    close: () => browser.close(),
  };
}

function puppeteerPage(page: PuppeteerPage, close: () => Promise<void>): EnginePage {
  return {
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as never, arg) as Promise<R>,
    async paste(url) {
      // Firefox's ClipboardEvent constructor drops the files of the clipboardData it is given (the
      // event arrives with an empty DataTransfer), so Firefox gets a real paste: the image goes to the
      // clipboard (allowed without a user gesture by dom.events.testing.asyncClipboard), then Ctrl+V.
      await page.evaluate(async (url: string) => {
        const bitmap = await createImageBitmap(await (await fetch(url)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
        const png = await canvas.convertToBlob({ type: 'image/png' });
        await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
        (document.activeElement as HTMLElement | null)?.blur();
      }, url);
      await page.keyboard.down('Control');
      await page.keyboard.press('v');
      await page.keyboard.up('Control');
      // What Firefox names a pasted image.
      return 'image.png';
    },
    async setInputFiles(element, files) {
      const input = await page.evaluateHandle(
        (index) =>
          document.querySelectorAll('mobilenet-classifier')[index]?.shadowRoot?.querySelector('input[type=file]'),
        element,
      );
      const handle = input.asElement() as ElementHandle<HTMLInputElement> | null;
      if (!handle) throw new Error(`no input[type=file] in <mobilenet-classifier> number ${element}`);
      await handle.uploadFile(...files);
      await handle.dispose();
    },
    close,
  };
}

/**
 * A paste event whose clipboardData holds the image at `url` as a File called `name`, dispatched with
 * nothing focused, as e2e/element.spec.ts does in Chromium. Runs in the page.
 */
async function dispatchPaste({ url, name }: { url: string; name: string }): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const blob = await response.blob();
  const clipboardData = new DataTransfer();
  clipboardData.items.add(new File([blob], name, { type: blob.type }));
  (document.activeElement as HTMLElement | null)?.blur();
  document.body.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData, bubbles: true, composed: true, cancelable: true }),
  );
  return name;
}

/** A free TCP port on 127.0.0.1 in [from, to]. */
async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${to} for WebKitWebDriver (set WEBKIT_DRIVER_PORT)`);
}

async function launchWebKit(): Promise<Engine> {
  const base = Number(process.env.WEBKIT_DRIVER_PORT ?? Number(process.env.E2E_PORT ?? 5193) + 1);
  const port = await freePort(base, base + 8);
  const server = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const driverProcess: ChildProcess = spawn(BINARIES.webkitDriver, [`--port=${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  driverProcess.stdout?.on('data', (chunk) => output.push(String(chunk)));
  driverProcess.stderr?.on('data', (chunk) => output.push(String(chunk)));
  const exited = new Promise<void>((resolve) => driverProcess.once('exit', () => resolve()));
  await waitForDriver(server, driverProcess, output);

  const capabilities = {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': {
      binary: BINARIES.miniBrowser,
      args: ['--automation', '--enable-media-stream=true', '--enable-mock-capture-devices=true'],
    },
  };
  // One session (one MiniBrowser, one fresh ephemeral profile) per page.
  const newSession = async () => {
    const driver = await new Builder().usingServer(server).withCapabilities(capabilities).build();
    // A model load on software WebGL takes tens of seconds: the default 30 s script timeout is too short.
    await driver.manage().setTimeouts({ script: 180_000 });
    return driver;
  };
  const probe = await newSession();
  const version = `WebKitGTK ${(await probe.getCapabilities()).getBrowserVersion()} (MiniBrowser)`;
  await probe.quit();
  return {
    name: 'webkit',
    version,
    async newPage() {
      return webDriverPage(await newSession());
    },
    async close() {
      driverProcess.kill();
      await exited;
    },
  };
}

async function waitForDriver(server: string, process: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (process.exitCode !== null) {
      throw new Error(`WebKitWebDriver exited with code ${process.exitCode}: ${output.join('').trim()}`);
    }
    const ready = await fetch(`${server}/status`)
      .then((response) => response.json() as Promise<{ value?: { ready?: boolean } }>)
      .then((status) => status.value?.ready === true)
      .catch(() => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  process.kill();
  throw new Error(`WebKitWebDriver did not answer on ${server}/status within 20 s: ${output.join('').trim()}`);
}

/**
 * WebDriver classic's Execute Async Script, resolving with what `fn(arg)` resolves with. The page's
 * error comes back as a value, because the driver's own error for a rejected script loses the message.
 */
function webDriverPage(driver: WebDriver): EnginePage {
  return {
    goto: (url) => driver.get(url),
    reload: () => driver.navigate().refresh(),
    async evaluate(fn, arg) {
      const outcome = (await driver.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
        Promise.resolve()
          .then(() => (${fn.toString()})(arguments[0]))
          .then(
            (value) => done({ value: value === undefined ? null : value }),
            (error) => done({ error: String((error && error.message) || error) }),
          );`,
        arg,
      )) as { value?: unknown; error?: string };
      if (outcome.error !== undefined) throw new Error(outcome.error);
      return (outcome.value ?? undefined) as never;
    },
    paste(url, name) {
      return this.evaluate(dispatchPaste, { url, name });
    },
    async setInputFiles(element, files) {
      const hosts = await driver.findElements(By.css('mobilenet-classifier'));
      if (!hosts[element]) throw new Error(`no <mobilenet-classifier> number ${element} on the page`);
      const input = await (await hosts[element].getShadowRoot()).findElement(By.css('input[type=file]'));
      // Element Send Keys on a file input sets its files: one absolute path per line.
      await input.sendKeys(files.map((file) => path.resolve(file)).join('\n'));
    },
    close: () => driver.quit(),
  };
}
