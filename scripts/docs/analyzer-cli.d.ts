// The analyzer ships types for its plugin API only; this is the programmatic CLI that
// scripts/docs/manifest.ts calls, as its source (cli.js) defines it.
declare module '@custom-elements-manifest/analyzer/cli.js' {
  /**
   * Runs `cem <argv>` in `cwd` and resolves to the manifest. With `noWrite`, no file is written.
   */
  export function cli(options?: { argv?: string[]; cwd?: string; noWrite?: boolean }): Promise<unknown>;
}
