'use strict';
// A self-contained package (scripts/bundle.js) works outside the checkout:
// the addon finds the library beside it, the library its plugins.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { PACKAGE, FIXTURES, runNode } = require('./helpers');
const adrlint = require(PACKAGE);
const { bundle } = require(path.join(PACKAGE, 'scripts', 'bundle.js'));

test('bundled package', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adrlint-pkg-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const pkg = path.join(dir, 'node_modules', 'adrlint');
  fs.mkdirSync(pkg, { recursive: true });
  for (const f of ['index.js', 'index.d.ts', 'package.json']) fs.copyFileSync(path.join(PACKAGE, f), path.join(pkg, f));
  // The build directory is two levels above the addon: build/bindings/node/.
  const build = path.resolve(path.dirname(fs.realpathSync(adrlint.addonPath)), '..', '..');
  const lib = bundle(build, pkg);
  assert.ok(fs.existsSync(path.join(lib, 'libadrlint.so.0')));
  assert.ok(fs.readdirSync(path.join(lib, 'adrlint', 'plugins')).includes('versioning.so'));
  const env = { ...process.env };
  delete env.ADRLINT_NODE_ADDON;
  delete env.ADRLINT_PLUGIN_PATH;
  delete env.LD_LIBRARY_PATH;
  const code = `const a = require('adrlint');
console.log(a.addonPath);
console.log(a.rules().find((r) => r.code === 'nlgov:semver').plugin);
console.log(a.lint(${JSON.stringify(path.join(FIXTURES, 'examples', 'bibliotheek.yaml'))}).map((d) => d.code).join(' '));`;
  const { status, stdout, stderr } = runNode(['-e', code], { cwd: dir, env });
  assert.strictEqual(status, 0, stderr);
  assert.deepStrictEqual(stdout.trim().split('\n'), [
    path.join(lib, 'adrlint.node'),
    'versioning',
    'nlgov:semver nlgov:missing-header',
  ]);
});
