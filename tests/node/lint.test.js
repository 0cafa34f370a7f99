'use strict';
// Sync and async findings equal the CLI's JSON for every fixture and profile.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { PACKAGE, FIXTURES, PROFILES, fixtureDocuments, cliJson, asSpectral, runCli } = require('./helpers');
const adrlint = require(PACKAGE);

const DOCS = fixtureDocuments();
const BIB = path.join(FIXTURES, 'examples', 'bibliotheek.yaml');

for (const profile of PROFILES) {
  test(`every fixture, ${profile}: lintFile, lintText and lintAsync equal the CLI`, async () => {
    const linter = new adrlint.Linter({ profile });
    try {
      assert.strictEqual(linter.profile, profile);
      for (const doc of DOCS) {
        const expected = cliJson(doc, profile);
        const sync = linter.lint(doc);
        assert.deepStrictEqual(sync.map(asSpectral), expected, doc);
        assert.deepStrictEqual(JSON.parse(adrlint.format(sync, 'json')), expected, doc);
        const text = linter.lint(fs.readFileSync(doc), { name: doc });
        assert.deepStrictEqual(text.map(asSpectral), expected, doc);
        const async = await linter.lintAsync(doc);
        assert.deepStrictEqual(async.map(asSpectral), expected, doc);
        const asyncText = await linter.lintAsync(fs.readFileSync(doc, 'utf8'), { name: doc, kind: 'text' });
        assert.deepStrictEqual(asyncText.map(asSpectral), expected, doc);
      }
    } finally {
      linter.close();
    }
  });
}

test('the fixtures are not vacuous, and a known finding is where it is', () => {
  for (const doc of DOCS.filter((d) => path.basename(d).startsWith('fail-'))) {
    assert.ok(cliJson(doc, 'adr-2.2').length > 0, doc);
  }
  const [semver] = adrlint.lint(BIB).filter((d) => d.code === 'nlgov:semver');
  assert.deepStrictEqual(semver, {
    code: 'nlgov:semver',
    adrRule: '/core/semver',
    severity: 0,
    severityName: 'error',
    message: 'Version 1.2 is not in semver format.',
    path: ['info', 'version'],
    range: { start: { line: 5, character: 11 }, end: { line: 5, character: 16 } },
    source: BIB,
    docUrl: 'https://developer.overheid.nl/kennisbank/apis/api-design-rules/hoe-te-voldoen/semver',
  });
});

test('format: stylish and json as the CLI prints them, several results in order', () => {
  const missing = path.join(FIXTURES, 'core', 'invalid-ref', 'fail-missing.yaml');
  const linter = new adrlint.Linter();
  const a = linter.lint(BIB);
  const b = linter.lint(missing);
  linter.close();
  assert.strictEqual(adrlint.format([a, b], 'stylish'), runCli(['lint', BIB, missing]).stdout);
  assert.strictEqual(adrlint.format([a, b], 'json') + '\n', runCli(['lint', '-f', 'json', BIB, missing]).stdout);
  // Findings stand for their result, so concatenations format too.
  assert.strictEqual(adrlint.format([...a, ...b], 'json'), adrlint.format([a, b], 'json'));
  assert.match(adrlint.format(a, 'stylish', { color: true }), /\x1b\[/);
  assert.strictEqual(adrlint.format([], 'json'), '[]');
  // The hidden link does not show in the values.
  assert.deepStrictEqual(Object.keys(a[0]).sort(),
    ['adrRule', 'code', 'docUrl', 'message', 'path', 'range', 'severity', 'severityName', 'source']);
  assert.strictEqual(JSON.stringify(a), JSON.stringify(JSON.parse(JSON.stringify(a))));
});

test('positions: 0-based, character in UTF-16 code units', () => {
  const doc = "openapi: 3.0.3\ninfo: {title: x, x-😀: 1, version: '1'}\npaths: {}\n";
  const [d] = adrlint.lint(doc);
  const col = doc.split('\n')[1].indexOf("'1'");
  assert.strictEqual(d.source, '<input>');
  assert.deepStrictEqual(d.range, { start: { line: 1, character: col }, end: { line: 1, character: col + 3 } });
});

test('JSON pointer keys are decoded into path', () => {
  const doc = "openapi: 3.0.3\ninfo: {title: x, version: 1.0.0}\npaths:\n  /a~b/c:\n    get:\n      responses:\n        '200': {description: ok}\n";
  const [d] = adrlint.lint(doc).filter((x) => x.code === 'nlgov:missing-header');
  assert.deepStrictEqual(d.path, ['paths', '/a~b/c', 'get', 'responses', '200']);
});

test('lint tells paths from text', () => {
  assert.ok(adrlint.isText('openapi: 3.0.3') && adrlint.isText('{}') && adrlint.isText('a: 1\nb: 2'));
  assert.ok(adrlint.isText(Buffer.from('openapi.yaml')));
  assert.ok(!adrlint.isText('openapi.yaml') && !adrlint.isText(new URL('file:///x\ny')));
  const byPath = adrlint.lint(BIB);
  const byUrl = adrlint.lint(new URL(`file://${BIB}`));
  const byText = adrlint.lint(fs.readFileSync(BIB, 'utf8'), { name: BIB });
  assert.deepStrictEqual(byUrl, byPath);
  assert.deepStrictEqual(byText, byPath);
  assert.throws(() => adrlint.lint(42), TypeError);
});

test('module-level lintAsync, rules, profiles, config', async (t) => {
  assert.deepStrictEqual((await adrlint.lintAsync(BIB)).map((d) => d.code), ['nlgov:semver', 'nlgov:missing-header']);
  assert.deepStrictEqual(adrlint.profiles(), ['adr-2.0', 'adr-2.1', 'adr-2.2']);
  const rules = adrlint.rules({ profile: 'adr-2.2' });
  const semver = rules.find((r) => r.code === 'nlgov:semver');
  assert.strictEqual(semver.adrRule, '/core/semver');
  assert.strictEqual(semver.plugin, 'versioning');
  assert.strictEqual(semver.severityName, 'error');
  assert.deepStrictEqual(rules.map((r) => r.code), rules.map((r) => r.code).sort());
  const linter = new adrlint.Linter();
  assert.strictEqual(linter.rule('missing-header').code, 'nlgov:missing-header');
  assert.strictEqual(linter.rule('nope'), null);
  linter.close();

  const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'adrlint-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const cfg = path.join(dir, '.adrlint.yaml');
  fs.writeFileSync(cfg, 'rules:\n  nlgov:semver: warn\n  nlgov:missing-header: off\n');
  assert.deepStrictEqual(adrlint.lint(BIB, { config: cfg }).map((d) => [d.code, d.severity, d.severityName]),
    [['nlgov:semver', 1, 'warn']]);
  assert.strictEqual(adrlint.findConfig(path.join(dir, 'api.yaml')), cfg);
  assert.strictEqual(adrlint.findConfig('/'), null);
  assert.strictEqual(adrlint.parseSeverity('warning'), adrlint.Severity.WARN);
  assert.strictEqual(adrlint.version, '0.1.0');
  assert.strictEqual(adrlint.abiVersion, 0);
});
