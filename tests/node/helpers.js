'use strict';
// Shared helpers of the node binding tests. ctest sets ADRLINT_NODE_ADDON
// (the built addon), ADRLINT (the built CLI), ADRLINT_SOURCE and CC; by
// hand from a checkout with a build in build/, the defaults find the same.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const SOURCE = path.resolve(process.env.ADRLINT_SOURCE || path.join(__dirname, '..', '..'));
const PACKAGE = path.join(SOURCE, 'bindings', 'node');
const CLI = process.env.ADRLINT || path.join(SOURCE, 'build', 'bin', 'adrlint');
const FIXTURES = path.join(SOURCE, 'spec-fixtures');
const PROFILES = ['adr-2.0', 'adr-2.1', 'adr-2.2'];

/** Every document under spec-fixtures (support-* files are $ref targets). */
function fixtureDocuments() {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ya?ml|json)$/.test(e.name) && !e.name.startsWith('support-')) out.push(p);
    }
  };
  walk(FIXTURES);
  if (!out.length) throw new Error(`no fixtures under ${FIXTURES}`);
  return out.sort();
}

function runCli(args, options = {}) {
  const p = spawnSync(CLI, args, { encoding: 'utf8', ...options });
  if (p.error) throw p.error;
  return { status: p.status, stdout: p.stdout, stderr: p.stderr };
}

function cliJson(file, profile) {
  const { status, stdout, stderr } = runCli(['lint', '--profile', profile, '-f', 'json', file]);
  if (status !== 0 && status !== 1) throw new Error(stderr);
  return JSON.parse(stdout);
}

/** A finding in the shape of the CLI's JSON output. */
function asSpectral(d) {
  return { code: d.code, path: d.path, message: d.message, severity: d.severity, range: d.range, source: d.source };
}

function runNode(args, options = {}) {
  const p = spawnSync(process.execPath, args, { encoding: 'utf8', ...options });
  if (p.error) throw p.error;
  return { status: p.status, stdout: p.stdout, stderr: p.stderr };
}

module.exports = { SOURCE, PACKAGE, CLI, FIXTURES, PROFILES, fixtureDocuments, runCli, cliJson, asSpectral, runNode };
