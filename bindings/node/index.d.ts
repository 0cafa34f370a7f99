// Type declarations of the adrlint Node binding.

/** Spectral's numbering: lower is more severe. OFF appears only in rules. */
export declare const Severity: Readonly<{ OFF: -1; ERROR: 0; WARN: 1; INFO: 2; HINT: 3 }>;
export type SeverityNumber = -1 | 0 | 1 | 2 | 3;
export type SeverityName = 'error' | 'warn' | 'info' | 'hint' | 'off';

/** 0-based; character counts UTF-16 code units (LSP, Spectral). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  /** Just after the last character. */
  end: Position;
}

/** One finding, shaped like Spectral's JSON output plus the ADR rule and docs. */
export interface Diagnostic {
  code: string;
  /** The ADR rule ("/core/semver"), or null. */
  adrRule: string | null;
  severity: 0 | 1 | 2 | 3;
  severityName: Exclude<SeverityName, 'off'>;
  message: string;
  /** The JSON pointer of the reported object in `source`, split into keys. */
  path: string[];
  range: Range;
  /** The file the finding is in (a $ref'd file too). */
  source: string;
  docUrl: string | null;
}

/** A rule as a linter knows it; severity is -1 (off) when it does not run. */
export interface Rule {
  code: string;
  adrRule: string | null;
  title: string;
  rationale: string;
  docUrl: string | null;
  plugin: string;
  defaultSeverity: SeverityNumber;
  severity: SeverityNumber;
  severityName: SeverityName;
  aliases: string[];
}

export interface LinterOptions {
  /** "adr-2.0" (default), "adr-2.1", "adr-2.2", optionally followed by ",future". */
  profile?: string;
  /** An .adrlint.yaml applied on top of the profile. */
  config?: string;
  /** Extra plugin files, or directories of *.so plugins. */
  plugins?: string[];
  /** false: load only `plugins`. */
  defaultPlugins?: boolean;
  /** Let the configuration file load plugins. */
  allowConfigPlugins?: boolean;
  /** External $ref files must lie below it (default: each file's directory). */
  rootDir?: string;
  maxFileSize?: number;
  maxDepth?: number;
  maxNodes?: number;
  maxRefFiles?: number;
}

export interface LintOptions {
  /** Names a text: the source of its findings and the base of its relative $refs. */
  name?: string;
  /** Overrides isText(): lint the input as a file path or as a document. */
  kind?: 'file' | 'text';
}

export type Input = string | URL | Uint8Array;

/** What a lint returns: the findings, linked to the library's result for format(). */
export type LintResult = Diagnostic[];

/**
 * A configured linter, safe to use for any number of concurrent lints.
 * Errors are thrown (or rejected) as Error objects with the library's
 * message, `code` ("ADR_EIO", "ADR_ECONFIG", ...) and numeric `status`.
 */
export declare class Linter {
  constructor(options?: LinterOptions);
  /** Lints a file or a document's text (told apart by isText, or options.kind). */
  lint(input: Input, options?: LintOptions): LintResult;
  /** Like lint(), on libuv's thread pool. */
  lintAsync(input: Input, options?: LintOptions): Promise<LintResult>;
  lintFile(path: string): LintResult;
  lintText(text: string | Uint8Array, name?: string): LintResult;
  lintFileAsync(path: string): Promise<LintResult>;
  lintTextAsync(text: string | Uint8Array, name?: string): Promise<LintResult>;
  /** Every rule, ordered by code, with its severity in this linter. */
  rules(): Rule[];
  /** The rule with this code or alias, or null. */
  rule(code: string): Rule | null;
  /** Frees the linter (after the async lints in flight). Results stay valid. */
  close(): void;
  readonly profile: string;
  readonly closed: boolean;
}

export declare function lint(input: Input, options?: LinterOptions & LintOptions): LintResult;
export declare function lintAsync(input: Input, options?: LinterOptions & LintOptions): Promise<LintResult>;
export declare function rules(options?: LinterOptions): Rule[];

export interface FormatOptions {
  /** Findings at or above it count as failures ("no results" line); default "error". */
  failSeverity?: SeverityNumber | SeverityName | 'warning' | 'information';
  /** ANSI colours (stylish). */
  color?: boolean;
}

/**
 * Formats results with the library's formatters ("stylish", "json", and
 * any other the library knows). Takes what lint() returned, or an array of
 * those (one per document, in output order).
 */
export declare function format(results: LintResult | LintResult[] | Diagnostic[], format?: string, options?: FormatOptions): string;

export declare function isText(input: Input): boolean;
export declare function profiles(): string[];
/** The .adrlint.yaml that applies to a file, as the CLI finds it, or null. */
export declare function findConfig(path: string): string | null;
export declare function parseSeverity(name: string): SeverityNumber;
/** The library's version ("0.1.0"). */
export declare const version: string;
export declare const abiVersion: number;
/** The addon file that was loaded. */
export declare const addonPath: string;
