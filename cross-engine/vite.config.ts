// The dev server for the cross-engine tests (playwright.engines.config.ts): the project's own Vite
// config, plus ../shared served under /shared/ and no HMR socket.
//
// Chromium's tests route /shared/ through Playwright (e2e/fixtures.ts), but Firefox (puppeteer) and
// WebKit (WebDriver classic) have no request routing of that kind, so the server serves it. The HMR
// socket is off because a full reload (Vite sends one when an HTML file changes) would wipe what a test
// set up, and only Playwright can stub the socket; Vite's client then logs that it cannot connect.
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { mergeConfig, type Plugin } from 'vite';
import base from '../vite.config.js';
import { SHARED_DIR } from '../e2e/fixtures.js';

const TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** Serves files under SHARED_DIR at /shared/, read-only, nothing outside it. */
function serveShared(): Plugin {
  return {
    name: 'serve-shared',
    configureServer(server) {
      server.middlewares.use('/shared', (request, response) => {
        const relative = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
        const file = path.resolve(SHARED_DIR, `.${relative}`);
        if (!file.startsWith(SHARED_DIR + path.sep)) {
          response.statusCode = 403;
          return response.end();
        }
        let size: number;
        try {
          const stat = statSync(file);
          if (!stat.isFile()) throw new Error('not a file');
          size = stat.size;
        } catch {
          response.statusCode = 404;
          return response.end();
        }
        response.setHeader('Content-Type', TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
        response.setHeader('Content-Length', size);
        createReadStream(file).pipe(response);
      });
    },
  };
}

export default mergeConfig(base, {
  plugins: [serveShared()],
  server: { ws: false },
  optimizeDeps: { entries: ['cross-engine/*.html'] },
});
