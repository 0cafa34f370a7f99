'use strict';
// One Linter, 100 lints in flight on libuv's thread pool.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const { PACKAGE, fixtureDocuments } = require('./helpers');
const adrlint = require(PACKAGE);

const DOCS = fixtureDocuments();

test('100 concurrent lintAsync calls on one Linter: correct, complete results', async () => {
  const linter = new adrlint.Linter({ profile: 'adr-2.2' });
  const expected = new Map(DOCS.map((d) => [d, linter.lint(d)]));
  assert.ok([...expected.values()].reduce((n, r) => n + r.length, 0) > 10);
  const jobs = Array.from({ length: 100 }, (_, i) => {
    const doc = DOCS[i % DOCS.length];
    const p = i % 2 ? linter.lintAsync(doc) : linter.lintAsync(fs.readFileSync(doc), { name: doc });
    return p.then((result) => ({ doc, result }));
  });
  const done = await Promise.all(jobs);
  linter.close();
  assert.strictEqual(done.length, 100);
  for (const { doc, result } of done) assert.deepStrictEqual(result, expected.get(doc), doc);
  // The 100 results format, in order, as each sync twin does alone.
  assert.deepStrictEqual(JSON.parse(adrlint.format(done.map((x) => x.result), 'json')),
    done.flatMap((x) => JSON.parse(adrlint.format(expected.get(x.doc), 'json'))));
});

test('close() while lints are in flight: they complete, then the linter is freed', async () => {
  const linter = new adrlint.Linter();
  const pending = DOCS.map((d) => linter.lintAsync(d));
  linter.close();
  assert.strictEqual(linter.closed, true);
  const results = await Promise.all(pending);
  assert.strictEqual(results.length, DOCS.length);
  assert.throws(() => linter.lint(DOCS[0]), { code: 'ERR_ADRLINT_CLOSED', message: 'this Linter is closed' });
  await assert.rejects(linter.lintAsync(DOCS[0]), { code: 'ERR_ADRLINT_CLOSED' });
  linter.close();
});

test('async errors keep their own message under concurrency', async () => {
  const linter = new adrlint.Linter();
  const names = Array.from({ length: 50 }, (_, i) => `/nonexistent/dir/missing-${i}.yaml`);
  const outcomes = await Promise.allSettled(names.map((n) => linter.lintAsync(n)));
  linter.close();
  outcomes.forEach((o, i) => {
    assert.strictEqual(o.status, 'rejected');
    assert.strictEqual(o.reason.message, `${names[i]}: No such file or directory`);
    assert.strictEqual(o.reason.code, 'ADR_EIO');
  });
});

test('linters left to the garbage collector do not disturb lints in flight', async () => {
  const pending = [];
  for (let i = 0; i < 20; i++) pending.push(new adrlint.Linter().lintAsync(DOCS[i % DOCS.length]));
  if (global.gc) global.gc();
  const results = await Promise.all(pending);
  assert.strictEqual(results.length, 20);
});
