// The demo's "Use it in your page" snippets are what a package user copies: each must be what the
// README tells them, not this repository's own paths.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The text of `<code id="…">`, with the entities the page uses decoded. */
function snippet(id: string): string {
  const match = new RegExp(`<code id="${id}">([^<]*)</code>`).exec(html);
  if (!match) throw new Error(`index.html has no <code id="${id}">`);
  return match[1].replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

test('the install and import snippets are the README’s', () => {
  expect(readme).toContain(snippet('snippet-install'));
  // The import line without its comment.
  expect(readme).toContain(snippet('snippet-import').replace(/\s*\/\/.*$/, ''));
});

test('the page names no path of this repository as something to serve or import', () => {
  const section = html.slice(html.indexOf('id="usage-heading"'), html.indexOf('id="model-heading"'));
  expect(section).not.toMatch(/public\/model|\/src\/|npm run model/);
});
