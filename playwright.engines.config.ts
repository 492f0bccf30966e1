import { defineConfig } from '@playwright/test';
import base from './playwright.config';
import type { EngineName } from './cross-engine/drivers';

// `npm run test:engines`: the cross-engine subset (cross-engine/) in Chromium (Playwright), Firefox ESR
// (puppeteer-core) and WebKitGTK (WebKitWebDriver), one project each, one after another. Run under
// xvfb-run: Firefox is headful there, because headless Firefox has no WebGL, and MiniBrowser needs a
// display. The page and ../shared are served by cross-engine/vite.config.ts.
const PORT = Number(process.env.E2E_PORT ?? 5193);

export default defineConfig<object, { engineName: EngineName }>({
  ...base,
  testDir: 'cross-engine',
  use: { baseURL: `http://127.0.0.1:${PORT}` },
  projects: [
    { name: 'chromium', use: { engineName: 'chromium' } },
    { name: 'firefox', use: { engineName: 'firefox' } },
    { name: 'webkit', use: { engineName: 'webkit' } },
  ],
  webServer: {
    command: `npx vite --config cross-engine/vite.config.ts --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/cross-engine/engine.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
