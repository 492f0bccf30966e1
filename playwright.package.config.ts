import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run test:package`: the packed package in a fresh app (package-test/). Its pages are served by
// static servers the test starts on free ports, so there is no webServer here and no E2E_PORT.
export default defineConfig({
  ...base,
  testDir: 'package-test',
  webServer: undefined,
  use: { ...base.use, baseURL: undefined },
});
