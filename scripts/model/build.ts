/**
 * `npm run model [-- options]`: builds public/model/ from the pinned model sources.
 *
 * Run with `--help` for the options. Expected failures (missing or modified sources, unusable
 * output directory) print one line on stderr and exit 1; anything else is a bug and keeps its stack.
 */
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildModel, type BackbonePrecision, type GraphForm } from './build-model';
import { ModelBuildError } from './sources';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const USAGE = `usage: npm run model -- [--sources <dir>] [--out <dir>] [--backbone float32|float16] [--graph fused|original] [--if-stale]

  --sources <dir>   model sources (default: $MODEL_SOURCES, else ../shared/model-sources)
  --out <dir>       output directory (default: public/model)
  --backbone <p>    backbone weight precision: float16 (default; 2.8 MB download) or float32
                    (the source's exact weights; 4.2 MB)
  --graph <form>    fused (default): depthwise conv + bias + Relu6 as one node each;
                    original: the TF-Hub graph's nodes as they are (same weights and maths)
  --if-stale        do nothing if <out>/build.json matches these sources, options and builder

Relative paths are resolved against the repository root, not the working directory.`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        sources: { type: 'string' },
        out: { type: 'string' },
        backbone: { type: 'string', default: 'float16' },
        graph: { type: 'string', default: 'fused' },
        'if-stale': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.backbone !== 'float32' && values.backbone !== 'float16') {
    console.error(`error: --backbone must be float32 or float16, got "${values.backbone}"\n\n${USAGE}`);
    return 2;
  }

  if (values.graph !== 'fused' && values.graph !== 'original') {
    console.error(`error: --graph must be fused or original, got "${values.graph}"\n\n${USAGE}`);
    return 2;
  }

  const sources = resolve(REPO_ROOT, values.sources ?? process.env['MODEL_SOURCES'] ?? '../shared/model-sources');
  const out = resolve(REPO_ROOT, values.out ?? 'public/model');
  const backbone: BackbonePrecision = values.backbone;
  const graph: GraphForm = values.graph;

  const started = performance.now();
  try {
    const result = await buildModel({ sources, out, backbone, graph, ifStale: values['if-stale'] });
    const where = display(out);
    if (result.skipped) {
      console.log(`model: ${where} is up to date (stamp ${result.stamp.slice(0, 12)}, backbone ${backbone})`);
      return 0;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(
      `model: built ${where} in ${seconds} s (backbone ${backbone}, graph ${graph}, stamp ${result.stamp.slice(0, 12)})`,
    );
    const width = Math.max(...Object.keys(result.files).map((name) => name.length));
    for (const [name, bytes] of Object.entries(result.files)) {
      console.log(`  ${name.padEnd(width)}  ${String(bytes).padStart(9)} bytes`);
    }
    const total = Object.values(result.files).reduce((a, b) => a + b, 0);
    console.log(`  ${'total'.padEnd(width)}  ${String(total).padStart(9)} bytes`);
    return 0;
  } catch (error) {
    if (error instanceof ModelBuildError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** A path relative to the working directory when it lies below it, else absolute. */
function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

process.exitCode = await main(process.argv.slice(2));
