#!/usr/bin/env node
'use strict';
/*
 * Copies a built addon, libadrlint.so.0 and the rule plugins into lib/ of
 * the package, so that `npm pack` ships a self-contained package:
 *
 *   node scripts/bundle.js BUILD_DIR [PACKAGE_DIR]
 *
 * Layout: lib/adrlint.node (RUNPATH $ORIGIN finds the library beside it),
 * lib/libadrlint.so.0, lib/adrlint/plugins/*.so (where the library looks,
 * beside itself). The library's own dependencies (libfyaml, json-c, PCRE2)
 * come from the system.
 */
const fs = require('fs');
const path = require('path');

function bundle(buildDir, packageDir) {
  const build = path.resolve(buildDir);
  const addon = path.join(build, 'bindings', 'node', 'adrlint.node');
  const lib = path.join(build, 'lib', 'libadrlint.so.0');
  const plugins = path.join(build, 'lib', 'adrlint', 'plugins');
  for (const f of [addon, lib, plugins]) {
    if (!fs.existsSync(f)) throw new Error(`${f} not found: build the project with the Node addon first`);
  }
  const out = path.join(path.resolve(packageDir), 'lib');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'adrlint', 'plugins'), { recursive: true });
  // Real files, not the build tree's symlinks.
  fs.copyFileSync(fs.realpathSync(addon), path.join(out, 'adrlint.node'));
  fs.copyFileSync(fs.realpathSync(lib), path.join(out, 'libadrlint.so.0'));
  for (const so of fs.readdirSync(plugins).filter((n) => n.endsWith('.so')).sort()) {
    fs.copyFileSync(path.join(plugins, so), path.join(out, 'adrlint', 'plugins', so));
  }
  return out;
}

if (require.main === module) {
  if (process.argv.length < 3) {
    process.stderr.write('usage: node scripts/bundle.js BUILD_DIR [PACKAGE_DIR]\n');
    process.exit(2);
  }
  console.log(bundle(process.argv[2], process.argv[3] || path.join(__dirname, '..')));
}

module.exports = { bundle };
