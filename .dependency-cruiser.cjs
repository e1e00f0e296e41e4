/**
 * fedsim's layers, low → high (docs/architecture.md explains each). A folder of harness/ may import
 * its own layer's files and the layers below it, never one above; folders that share a layer (the
 * parties okta/ and dropbox/) may not import each other: they talk over HTTP. harness/index.ts is
 * the package entry, above everything; test/ is not cruised and may import anything.
 */
const LAYERS = [
  ['core'],
  ['crypto'],
  ['saml'],
  ['agent'],
  ['provisioning'],
  ['scim'],
  ['faults'],
  ['trace'],
  ['okta', 'dropbox'],
  ['world'],
  ['scenario'],
  ['cli'],
];

const folder = (names) => `^harness/(${names.join('|')})/`;

const layerRules = LAYERS.flatMap((layer, i) => {
  const above = LAYERS.slice(i + 1).flat();
  return layer.map((name) => ({
    name: `${name}-imports-lower-layers-only`,
    comment: `harness/${name}/ may import only ${['its own files', ...LAYERS.slice(0, i).flat()].join(', ')}`,
    severity: 'error',
    from: { path: folder([name]) },
    to: { path: [folder([...above, ...layer.filter((n) => n !== name)]), '^harness/index\\.ts$'] },
  }));
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'org1-and-org2-are-separate',
      comment: 'The two Okta orgs share okta/ (directory, API, pages) but not each other: they talk over HTTP.',
      severity: 'error',
      from: { path: '^harness/okta/(org[12])/' },
      to: { path: '^harness/okta/org[12]/', pathNot: '^harness/okta/$1/' },
    },
    {
      name: 'okta-shared-parts-below-the-orgs',
      comment: "okta/api/ and okta/*.ts serve both orgs, so they may not import either org's folder.",
      severity: 'error',
      from: { path: '^harness/okta/', pathNot: '^harness/okta/org[12]/' },
      to: { path: '^harness/okta/org[12]/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle hides which module is the lower one.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^harness/saml/schema/xsd/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
