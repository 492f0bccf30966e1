#!/usr/bin/env node
// `npx mobilenet-classifier-assets <folder>`: the command-line face of `mobilenet-classifier/assets`.
import { copyAssets } from './assets';

const USAGE = `usage: mobilenet-classifier-assets <folder>

Copies the model/ and wasm/ folders of mobilenet-classifier into <folder>. Choose the folder your
bundle is written to (e.g. dist/) and the element finds them with no setting; anywhere else, set
model-url to <folder>/model/model.json and call setWasmPath('<folder>/wasm/'), both as URLs of your site.`;

async function main(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0].startsWith('-')) {
    const help = args.length === 1 && (args[0] === '-h' || args[0] === '--help');
    (help ? console.log : console.error)(USAGE);
    return help ? 0 : 2;
  }
  try {
    const { files } = await copyAssets(args[0]);
    console.log(`mobilenet-classifier: copied ${files.length} files into ${args[0]}: ${files.join(', ')}`);
    return 0;
  } catch (error) {
    console.error(`mobilenet-classifier-assets: could not copy into ${args[0]}: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
