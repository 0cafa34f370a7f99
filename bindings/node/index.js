'use strict';
/*
 * adrlint for Node: lint OpenAPI documents against the NLGov REST API
 * Design Rules. A thin layer over the Node-API addon adrlint.node, which
 * calls libadrlint; every check, position and format comes from the library.
 *
 * The addon is looked for, in order:
 *  1. ADRLINT_NODE_ADDON: an explicit path; when set nothing else is tried,
 *     so a wrong setting is reported instead of silently replaced.
 *  2. lib/adrlint.node in this package (a packaged install; scripts/bundle.js
 *     puts libadrlint.so.0 beside it, found through the addon's $ORIGIN
 *     RUNPATH, and the plugins in lib/adrlint/plugins/ beside the library).
 *  3. The build tree of a checkout: build*\/bindings/node/adrlint.node (and
 *     one level deeper), newest first, sanitizer builds left out; there the
 *     addon's RUNPATH $ORIGIN/../../lib finds the built library.
 * When none loads, the Error lists every place and why it failed.
 */
const fs = require('fs');
const path = require('path');
const { fileURLToPath } = require('url');

const ADDON = 'adrlint.node';

function buildTreeCandidates(tried) {
  const repo = path.resolve(__dirname, '..', '..');
  if (!fs.existsSync(path.join(repo, 'include', 'adrlint', 'adrlint.h'))) {
    tried.push(['build tree', `${__dirname} is not inside an adrlint checkout`]);
    return [];
  }
  const found = [];
  const dirs = (dir) => {
    try {
      return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
    } catch {
      return [];
    }
  };
  for (const b of dirs(repo).filter((e) => e.name.startsWith('build'))) {
    const top = path.join(repo, b.name);
    for (const dir of [top, ...dirs(top).map((e) => path.join(top, e.name))]) {
      const addon = path.join(dir, 'bindings', 'node', ADDON);
      if (fs.existsSync(addon)) found.push({ dir, addon, mtime: fs.statSync(addon).mtimeMs });
    }
  }
  if (!found.length) {
    tried.push(['build tree', `no build*/bindings/node/${ADDON} under ${repo} (build the project first)`]);
    return [];
  }
  found.sort((a, b) => b.mtime - a.mtime);
  const usable = [];
  for (const { dir, addon } of found) {
    let cache = '';
    try {
      cache = fs.readFileSync(path.join(dir, 'CMakeCache.txt'), 'utf8');
    } catch {}
    if (/^ADRLINT_(SANITIZE|TSAN):BOOL=(ON|1|TRUE|YES)$/im.test(cache)) {
      // The sanitizer runtime must be loaded first: node would abort.
      tried.push([`build tree ${addon}`, 'a sanitizer build; node cannot load it']);
    } else {
      usable.push(addon);
    }
  }
  return usable;
}

function loadAddon() {
  const tried = [];
  const attempt = (label, file) => {
    try {
      return { addon: require(file), file };
    } catch (e) {
      tried.push([label, e.message.split('\n')[0]]);
      return null;
    }
  };
  let note;
  const env = process.env.ADRLINT_NODE_ADDON;
  if (env) {
    const got = attempt(`ADRLINT_NODE_ADDON=${env}`, path.resolve(env));
    if (got) return got;
    note = 'ADRLINT_NODE_ADDON is set, so no other place was searched; unset it to search';
  } else {
    tried.push(['ADRLINT_NODE_ADDON', 'not set']);
    const bundled = path.join(__dirname, 'lib', ADDON);
    if (fs.existsSync(bundled)) {
      const got = attempt(`bundled ${bundled}`, bundled);
      if (got) return got;
    } else {
      tried.push(['bundled', `${bundled} does not exist`]);
    }
    for (const file of buildTreeCandidates(tried)) {
      const got = attempt(`build tree ${file}`, file);
      if (got) return got;
    }
    note = `set ADRLINT_NODE_ADDON to the path of ${ADDON}, or build the project (cmake --build build)`;
  }
  const lines = ['cannot load the adrlint addon; tried:', ...tried.map(([l, w]) => `  ${l}: ${w}`), note];
  const err = new Error(lines.join('\n'));
  err.code = 'ERR_ADRLINT_LOAD';
  throw err;
}

const { addon: native, file: addonPath } = loadAddon();
const RESULT = native.resultKey;

const TEXT_START = /^\ufeff?\s*(?:[{[]|---|%YAML|["']?(?:openapi|swagger)["']?\s*:)/;

/**
 * How lint() tells a document from a file name: Buffers and typed arrays,
 * and strings holding a newline or starting like a document ("{", "[",
 * "---", "%YAML", "openapi:"), are documents; other strings and file: URLs
 * are paths. "openapi.yaml" is a file name, "openapi: 3.0.3" a document.
 */
function isText(input) {
  if (ArrayBuffer.isView(input)) return true;
  if (input instanceof URL) return false;
  if (typeof input === 'string') return input.includes('\n') || TEXT_START.test(input);
  throw new TypeError(`expected a path or the text of a document, not ${input === null ? 'null' : typeof input}`);
}

function toPath(input) {
  return input instanceof URL ? fileURLToPath(input) : input;
}

function kindOf(input, options) {
  if (options && options.kind !== undefined) {
    if (options.kind !== 'file' && options.kind !== 'text')
      throw new TypeError(`options.kind must be 'file' or 'text', not ${String(options.kind)}`);
    return options.kind;
  }
  return isText(input) ? 'text' : 'file';
}

/**
 * A configured linter: plugins loaded and profile and configuration applied
 * once, then any number of lints, synchronous or on libuv's thread pool.
 */
class Linter extends native.Linter {
  /** Lints a file or a document's text; `options.name` names a text. */
  lint(input, options = {}) {
    return kindOf(input, options) === 'text'
      ? this.lintText(input, options.name)
      : this.lintFile(toPath(input));
  }

  /** Like lint(), on the thread pool: resolves to the findings. */
  lintAsync(input, options = {}) {
    try {
      return kindOf(input, options) === 'text'
        ? this.lintTextAsync(input, options.name)
        : this.lintFileAsync(toPath(input));
    } catch (e) {
      return Promise.reject(e);
    }
  }
}

/** Lints one document with a linter made for the call. */
function lint(input, options = {}) {
  const linter = new Linter(options);
  try {
    return linter.lint(input, options);
  } finally {
    linter.close();
  }
}

/** Like lint(), on the thread pool. */
async function lintAsync(input, options = {}) {
  const linter = new Linter(options);
  try {
    return await linter.lintAsync(input, options);
  } finally {
    linter.close();
  }
}

/** Every rule with its severity in options.profile (and options.config). */
function rules(options = {}) {
  const linter = new Linter(options);
  try {
    return linter.rules();
  } finally {
    linter.close();
  }
}

/**
 * The library results behind what lint() returned, in order of appearance.
 * A finding stands for its whole result: the library formats results, so a
 * subset of one is refused rather than silently widened.
 */
function handlesOf(items) {
  const order = [];
  const given = new Map(); // handle -> Set of findings, or null for whole results
  const add = (x) => {
    if (x && typeof x === 'object' && x[RESULT] && Array.isArray(x)) {
      const h = x[RESULT];
      if (!given.has(h)) order.push(h);
      given.set(h, null);
    } else if (x && typeof x === 'object' && x[RESULT]) {
      const h = x[RESULT];
      if (!given.has(h)) {
        order.push(h);
        given.set(h, new Set());
      }
      if (given.get(h)) given.get(h).add(x);
    } else if (Array.isArray(x)) {
      x.forEach(add);
    } else {
      throw new TypeError('format() takes what lint() returned: arrays of findings, or arrays of those');
    }
  };
  add(items);
  for (const h of order) {
    const set = given.get(h);
    if (set && set.size !== h.count) {
      const err = new Error(
        `format() got ${set.size} of the ${h.count} findings of ${h.source}; it formats whole lint results (configure the Linter to select findings instead)`,
      );
      err.code = 'ERR_ADRLINT_PARTIAL';
      throw err;
    }
  }
  return order;
}

/**
 * Formats lint results with the library: "stylish", "json" (Spectral's) and
 * any other format adr_result_write knows.
 */
function format(results, fmt = 'stylish', options = {}) {
  const fail = options.failSeverity === undefined ? 0
    : typeof options.failSeverity === 'number' ? options.failSeverity
    : native.parseSeverity(String(options.failSeverity));
  return native.format(handlesOf(results), String(fmt), fail, Boolean(options.color));
}

const Severity = Object.freeze({ OFF: -1, ERROR: 0, WARN: 1, INFO: 2, HINT: 3 });

module.exports = {
  Linter,
  Severity,
  lint,
  lintAsync,
  rules,
  format,
  isText,
  profiles: native.profiles,
  findConfig: native.findConfig,
  parseSeverity: native.parseSeverity,
  version: native.version,
  abiVersion: native.abiVersion,
  addonPath,
};
