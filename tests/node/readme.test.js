'use strict';
// The README's Node example runs and prints what the README says it prints.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { SOURCE, PACKAGE, runNode } = require('./helpers');

function readmeBlocks() {
  const text = fs.readFileSync(path.join(SOURCE, 'README.md'), 'utf8');
  const section = text.split('\n## Bindings\n')[1].split('\n## ')[0];
  return [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], body: m[2] }));
}

test('README Node example', (t) => {
  const blocks = readmeBlocks();
  const code = blocks.filter((b) => b.lang === 'js');
  const printed = blocks.filter((b) => b.lang === '');
  assert.strictEqual(code.length, 1);
  assert.strictEqual(printed.length, 1);
  // require('adrlint') resolves to this checkout's package, as if installed.
  const modules = fs.mkdtempSync(path.join(os.tmpdir(), 'adrlint-nm-'));
  t.after(() => fs.rmSync(modules, { recursive: true, force: true }));
  fs.symlinkSync(PACKAGE, path.join(modules, 'adrlint'));
  const { status, stdout, stderr } = runNode(['-e', code[0].body], {
    cwd: SOURCE,
    env: { ...process.env, NODE_PATH: modules },
  });
  assert.strictEqual(status, 0, stderr);
  assert.strictEqual(stdout, printed[0].body);
});
