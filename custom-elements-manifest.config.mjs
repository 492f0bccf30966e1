// custom-elements.json, generated from the elements' source and doc comments by
// @custom-elements-manifest/analyzer: `npm run manifest` writes it, scripts/docs/api-tables.ts turns it
// into the README's API tables, and test/api-docs.test.ts checks that those tables are current. The
// same run writes the frameworks' types for the tag (React JSX, Vue templates, Svelte) into
// dist/frameworks/, which the package ships as mobilenet-classifier/react, /vue and /svelte.
import { mkdirSync, writeFileSync } from 'node:fs';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateSvelteTypes } from 'custom-element-svelte-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

/** Where the frameworks' types go; their imports are relative to it. */
const FRAMEWORKS_DIR = 'dist/frameworks';
/** The package's main entry, seen from FRAMEWORKS_DIR: every type the manifest names is exported there. */
const TYPES = '../lib/index.js';

/**
 * The analyzer takes a method's return type from `@returns {Type}`. A TSDoc `@returns` has no type, and
 * then the analyzer replaces the signature's type with "" and drops the text. This puts both back.
 *
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
function returnTypeFromSignature() {
  return {
    name: 'return-type-from-signature',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const classDoc = moduleDoc.declarations?.find((declaration) => declaration.name === node.name?.text);
      for (const member of node.members) {
        if (!ts.isMethodDeclaration(member) || !member.type) continue;
        const doc = classDoc?.members?.find((m) => m.kind === 'method' && m.name === member.name.getText());
        if (!doc?.return || doc.return.type?.text) continue;
        doc.return.type = { text: member.type.getText() };
        const text = ts.getTextOfJSDocComment(ts.getJSDocReturnTag(member)?.comment);
        if (text) doc.return.description = text;
      }
    },
  };
}

/**
 * The generators take an event's type for its `detail` (they write `CustomEvent<type>`), but the manifest
 * names the event class (`MobilenetResultEvent`, a `CustomEvent<MobilenetResultDetail>`): their copy of
 * the manifest names the detail type, which the main entry exports beside each event.
 */
function withDetailTypes(manifest) {
  const copy = structuredClone(manifest);
  for (const declaration of copy.modules.flatMap((module) => module.declarations ?? []))
    for (const event of declaration.events ?? [])
      if (event.type?.text) event.type.text = event.type.text.replace(/^(Mobilenet\w+)Event$/, '$1Detail');
  return copy;
}

/**
 * Vue checks a template's `:top-k` against a prop named `topK` (it camel-cases attribute names, as for
 * its own components), so its copy of the manifest names each attribute by its property.
 */
function withCamelCaseAttributes(manifest) {
  const copy = structuredClone(manifest);
  for (const declaration of copy.modules.flatMap((module) => module.declarations ?? []))
    for (const attribute of declaration.attributes ?? []) if (attribute.fieldName) attribute.name = attribute.fieldName;
  return copy;
}

/**
 * The glue that puts each framework's generated types where that framework looks for them: React's
 * JSX namespace and Svelte's `svelte/elements` (the Vue generator's file augments `vue` by itself).
 */
const AUGMENTATIONS = {
  'react.d.ts': `// mobilenet-classifier/react: types <mobilenet-classifier> in React 19's JSX (attributes, properties, events).
import type { CustomElements } from './react-types.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}

export type { CustomElements, MobilenetClassifierProps } from './react-types.js';
`,
  'svelte.d.ts': `// mobilenet-classifier/svelte: types <mobilenet-classifier> in Svelte templates.
import type { CustomElements } from './svelte-types.js';

declare module 'svelte/elements' {
  interface SvelteHTMLElements extends CustomElements {}
}

export type { CustomElements } from './svelte-types.js';
`,
};

/** Writes dist/frameworks/: react.d.ts, vue.d.ts, svelte.d.ts and the generated files they use. */
function frameworkTypes() {
  return {
    name: 'framework-types',
    packageLinkPhase({ customElementsManifest }) {
      const manifest = withDetailTypes(customElementsManifest);
      const options = { outdir: FRAMEWORKS_DIR, globalTypePath: TYPES, hideLogs: true };
      generateJsxTypes(manifest, { ...options, fileName: 'react-types.d.ts' });
      generateVuejsTypes(withCamelCaseAttributes(manifest), { ...options, fileName: 'vue.d.ts' });
      generateSvelteTypes(manifest, { ...options, fileName: 'svelte-types.d.ts' });
      mkdirSync(FRAMEWORKS_DIR, { recursive: true });
      for (const [file, text] of Object.entries(AUGMENTATIONS)) writeFileSync(`${FRAMEWORKS_DIR}/${file}`, text);
    },
  };
}

export default {
  // The element classes, plus their registration modules, which hold the tag names.
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // Otherwise the analyzer writes a "customElements" field into package.json on every run.
  packagejson: false,
  plugins: [returnTypeFromSignature(), frameworkTypes()],
};
