import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Manifest } from './api-tables';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The analyzer configuration that `npm run manifest` uses. */
export const MANIFEST_CONFIG = path.join(ROOT, 'custom-elements-manifest.config.mjs');

/**
 * Generates custom-elements.json in memory, exactly as `npm run manifest` does (same analyzer, same
 * config), without writing anything.
 */
export async function generateManifest(): Promise<Manifest> {
  const { cli } = await import('@custom-elements-manifest/analyzer/cli.js');
  const manifest = await cli({ argv: ['analyze', '--config', MANIFEST_CONFIG, '--quiet'], cwd: ROOT, noWrite: true });
  return manifest as Manifest;
}
