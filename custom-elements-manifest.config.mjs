// Settings for `cem analyze`, used by npm run build, npm run manifest and scripts/docs.mjs.
// The feed base and the element base are analyzed too, so inherited attributes reach the manifest.
export default {
  globs: ['src/elements/*.ts', 'src/feed/*.ts', 'src/internal/*.ts'],
  litelement: true,
  // package.json names custom-elements.json itself; the analyzer must not rewrite it.
  packagejson: false,
};
