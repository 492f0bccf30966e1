// custom-elements.json, generated from the elements' source and doc comments by
// @custom-elements-manifest/analyzer: `npm run manifest` writes it, scripts/docs/api-tables.ts turns it
// into the README's API tables, and test/api-docs.test.ts checks that those tables are current.

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

export default {
  // The element classes, plus their registration modules, which hold the tag names.
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // Otherwise the analyzer writes a "customElements" field into package.json on every run.
  packagejson: false,
  plugins: [returnTypeFromSignature()],
};
