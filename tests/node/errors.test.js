'use strict';
// Failures are thrown (or rejected) JS Errors carrying the library's message.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { PACKAGE, FIXTURES, runNode } = require('./helpers');
const adrlint = require(PACKAGE);

const BIB = path.join(FIXTURES, 'examples', 'bibliotheek.yaml');

function tmpdir(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adrlint-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('a missing file', async (t) => {
  const missing = path.join(tmpdir(t), 'missing.yaml');
  const expected = { name: 'Error', code: 'ADR_EIO', status: -4, message: `${missing}: No such file or directory` };
  assert.throws(() => adrlint.lint(missing), expected);
  await assert.rejects(adrlint.lintAsync(missing), expected);
});

test('a directory, and an unreadable file', (t) => {
  const dir = tmpdir(t);
  assert.throws(() => adrlint.lint(dir), { code: 'ADR_EIO', message: `${dir}: is a directory` });
  const doc = path.join(dir, 'secret.yaml');
  fs.writeFileSync(doc, 'openapi: 3.0.3\n');
  let target = doc;
  let reason = 'Permission denied';
  if (process.getuid() === 0) {
    // root reads any file; a path through a regular file is unreadable for all.
    target = path.join(doc, 'x.yaml');
    reason = 'Not a directory';
  } else {
    fs.chmodSync(doc, 0);
  }
  assert.throws(() => adrlint.lint(target), { code: 'ADR_EIO', message: `${target}: ${reason}` });
});

test('a bad configuration names file, line and column', async (t) => {
  const cfg = path.join(tmpdir(t), 'adrlint.yaml');
  fs.writeFileSync(cfg, 'extends: adr-2.2\nrules:\n  nlgov:semver: loud\n');
  const expected = {
    code: 'ADR_ECONFIG',
    status: -5,
    message: `${cfg}:3:17: invalid severity 'loud' (expected error, warn, info, hint or off)`,
  };
  assert.throws(() => new adrlint.Linter({ config: cfg }), expected);
  await assert.rejects(adrlint.lintAsync(BIB, { config: cfg }), expected);
  fs.writeFileSync(cfg, 'rules:\n  nlgov:no-such-rule: error\n');
  assert.throws(() => adrlint.lint(BIB, { config: cfg }),
    { code: 'ADR_ECONFIG', message: `${cfg}:2:3: unknown rule 'nlgov:no-such-rule'` });
});

test('an unknown profile, plugins that cannot load, limits', (t) => {
  assert.throws(() => new adrlint.Linter({ profile: 'adr-9' }),
    { code: 'ADR_ENOTFOUND', message: "unknown profile 'adr-9'" });
  assert.throws(() => new adrlint.Linter({ defaultPlugins: false }),
    { code: 'ADR_EPLUGIN', message: /^no rule plugins found; looked in / });
  const bogus = path.join(tmpdir(t), 'bogus.so');
  fs.writeFileSync(bogus, 'not a shared object');
  assert.throws(() => new adrlint.Linter({ plugins: [bogus] }),
    { code: 'ADR_EPLUGIN', message: new RegExp(`^plugin ${bogus}: cannot load: `) });
  const small = new adrlint.Linter({ maxFileSize: 100 });
  assert.throws(() => small.lint(BIB), { code: 'ADR_ELIMIT', message: /larger than the limit of 100 bytes/ });
  assert.throws(() => small.lintText('x'.repeat(101), 'big'),
    { code: 'ADR_ELIMIT', message: 'big: input is larger than the limit of 100 bytes' });
  small.close();
});

test('bad arguments are TypeErrors', () => {
  assert.throws(() => new adrlint.Linter({ profile: 2 }), { name: 'TypeError', message: 'options.profile must be a string' });
  assert.throws(() => new adrlint.Linter({ maxDepth: -1 }), { name: 'TypeError', message: 'options.maxDepth must be a non-negative integer' });
  assert.throws(() => new adrlint.Linter({ plugins: 'x' }), { name: 'TypeError' });
  assert.throws(() => new adrlint.Linter('adr-2.0'), { name: 'TypeError', message: 'the options must be an object' });
  const linter = new adrlint.Linter();
  assert.throws(() => linter.lintFile(3), { name: 'TypeError', message: 'the path must be a string' });
  assert.throws(() => linter.lint('x', { kind: 'blob' }), { name: 'TypeError' });
  // V8 checks the receiver of class methods before the addon does.
  assert.throws(() => adrlint.Linter.prototype.lintFile.call({}, BIB), TypeError);
  linter.close();
});

test('format errors', () => {
  const result = adrlint.lint(BIB);
  assert.throws(() => adrlint.format(result, 'no-such-format'),
    { code: 'ADR_ENOTFOUND', message: "unknown format 'no-such-format'" });
  assert.throws(() => adrlint.format(result.slice(0, 1), 'json'),
    { code: 'ERR_ADRLINT_PARTIAL', message: `format() got 1 of the 2 findings of ${BIB}; it formats whole lint results (configure the Linter to select findings instead)` });
  assert.throws(() => adrlint.format(JSON.parse(JSON.stringify(result)), 'json'), TypeError);
  assert.throws(() => adrlint.format(result, 'json', { failSeverity: 'loud' }),
    { code: 'ADR_EINVAL', message: "unknown severity 'loud' (expected error, warn, info, hint or off)" });
});

test('syntax errors are findings, not errors', () => {
  const [d] = adrlint.lint('openapi: [3.0\n', { name: 'broken.yaml' });
  assert.strictEqual(d.code, 'parser');
  assert.strictEqual(d.source, 'broken.yaml');
});

const LOAD = `try { require(${JSON.stringify(PACKAGE)}); console.log('loaded'); }
catch (e) { console.log(e.code); console.log(e.message); }`;

test('ADRLINT_NODE_ADDON pointing nowhere lists what was tried', (t) => {
  const nowhere = path.join(tmpdir(t), 'nowhere', 'adrlint.node');
  const { stdout } = runNode(['-e', LOAD], { env: { ...process.env, ADRLINT_NODE_ADDON: nowhere } });
  const lines = stdout.trim().split('\n');
  assert.deepStrictEqual(lines.slice(0, 2), ['ERR_ADRLINT_LOAD', 'cannot load the adrlint addon; tried:']);
  assert.match(lines[2], new RegExp(`^  ADRLINT_NODE_ADDON=${nowhere}: Cannot find module '${nowhere}'`));
  assert.strictEqual(lines[3], 'ADRLINT_NODE_ADDON is set, so no other place was searched; unset it to search');
});

test('no addon anywhere: every place is listed with its reason', (t) => {
  const pkg = path.join(tmpdir(t), 'adrlint');
  fs.mkdirSync(pkg);
  fs.copyFileSync(path.join(PACKAGE, 'index.js'), path.join(pkg, 'index.js'));
  const env = { ...process.env };
  delete env.ADRLINT_NODE_ADDON;
  const { stdout } = runNode(['-e', `try { require(${JSON.stringify(pkg)}) } catch (e) { console.log(e.message) }`], { env });
  assert.deepStrictEqual(stdout.trim().split('\n'), [
    'cannot load the adrlint addon; tried:',
    '  ADRLINT_NODE_ADDON: not set',
    `  bundled: ${path.join(pkg, 'lib', 'adrlint.node')} does not exist`,
    `  build tree: ${pkg} is not inside an adrlint checkout`,
    'set ADRLINT_NODE_ADDON to the path of adrlint.node, or build the project (cmake --build build)',
  ]);
});

test('a library of another ABI is refused when the addon loads', (t) => {
  // A test double: a libadrlint.so.0 whose adr_abi_version() says 99, found
  // before the real one (LD_LIBRARY_PATH precedes the addon's RUNPATH). It
  // exports nothing else, so the addon must check before any other call.
  const dir = tmpdir(t);
  const c = path.join(dir, 'abi99.c');
  fs.writeFileSync(c, 'int adr_abi_version(void) { return 99; }\n');
  const cc = process.env.CC || 'cc';
  const built = spawnSync(cc, ['-shared', '-fPIC', '-Wl,-soname,libadrlint.so.0', '-o', path.join(dir, 'libadrlint.so.0'), c], { encoding: 'utf8' });
  assert.strictEqual(built.status, 0, built.stderr);
  const { stdout } = runNode(['-e', LOAD], { env: { ...process.env, ADRLINT_NODE_ADDON: adrlint.addonPath, LD_LIBRARY_PATH: dir } });
  const lines = stdout.trim().split('\n');
  assert.strictEqual(lines[0], 'ERR_ADRLINT_LOAD');
  assert.strictEqual(lines[2], `  ADRLINT_NODE_ADDON=${adrlint.addonPath}: libadrlint ABI 99 does not match this addon (built for ABI 0)`);
});
