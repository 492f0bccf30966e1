import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 5183);

export default defineConfig({
  testDir: 'e2e',
  // WebGL runs in software (SwiftShader) here: a cold model load with shader compiles takes seconds.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  // Two workers on two cores: one test's page often waits (a model fetch, a camera, an idle callback)
  // while the other's computes. Measured on this machine (2026-12-02, everything else equal): 227 tests in
  // 13.0 min with two, about 15.7 with one. No test has a timing threshold (only hang guards); E2E_WORKERS=1 runs one at a time.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    // The element speaks the browser's language where no lang is set: tests do not depend on the machine's.
    locale: 'en-US',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Without these Chromium keeps dialling Google services that this machine's closed network refuses.
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `npx vite --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/e2e/harness.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
