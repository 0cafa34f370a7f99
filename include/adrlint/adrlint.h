/*
 * adrlint.h - the public ABI of libadrlint.
 *
 * libadrlint lints OpenAPI 3.0/3.1 descriptions against the NLGov REST API
 * Design Rules. This header is the whole contract for programs and bindings:
 * if a function, type or constant is not declared here (or in plugin.h for
 * rule plugins), it is not API.
 *
 * Conventions
 *  - Every symbol starts with adr_ (macros with ADR_). Functions are
 *    adr_<object>_<verb>, the object first.
 *  - Functions that can fail return int: 0 (ADR_OK) or a negative ADR_E* code.
 *    The codes are never renumbered. adr_last_error() describes the most
 *    recent failure on the calling thread.
 *  - Ownership is stated in each comment with one of three phrases:
 *    "borrowed" (valid as long as the named owner lives, do not free),
 *    "owned by X" (freed together with X), "free with F" (the caller owns it).
 *  - Destructors accept NULL.
 *  - Lint findings are results, never errors: a document full of problems
 *    still returns ADR_OK.
 *
 * Threads: an adr_linter is immutable once adr_linter_new() returns and may
 * be used by any number of threads at once. An adr_result belongs to the
 * thread that uses it; different results may be used on different threads.
 */
#ifndef ADRLINT_ADRLINT_H
#define ADRLINT_ADRLINT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#if defined(ADRLINT_BUILDING)
#define ADR_API __declspec(dllexport)
#else
#define ADR_API __declspec(dllimport)
#endif
#elif defined(__GNUC__)
#define ADR_API __attribute__((visibility("default")))
#else
#define ADR_API
#endif

/* ------------------------------------------------------------------------
 * Section - Versions
 * ------------------------------------------------------------------------ */

#define ADR_VERSION_MAJOR  0
#define ADR_VERSION_MINOR  1
#define ADR_VERSION_PATCH  0
#define ADR_VERSION_STRING "0.1.0"

/*
 * The ABI version of this header. It changes only when a change breaks
 * programs built against an older header; the SONAME follows it
 * (libadrlint.so.0 while it is 0). Bindings compare adr_abi_version() with
 * the value they were written for before calling anything else.
 */
#define ADR_ABI_VERSION 0

/* The library's version as "MAJOR.MINOR.PATCH". Static string. */
ADR_API const char *adr_version(void);

/* The ABI version the library was built with (ADR_ABI_VERSION). */
ADR_API int adr_abi_version(void);

/* ------------------------------------------------------------------------
 * Section - Errors
 * ------------------------------------------------------------------------ */

enum {
    ADR_OK = 0,
    ADR_ERROR = -1,     /* unspecified failure */
    ADR_ENOMEM = -2,    /* out of memory */
    ADR_EINVAL = -3,    /* invalid argument or options */
    ADR_EIO = -4,       /* a file could not be read */
    ADR_ECONFIG = -5,   /* a configuration file or profile is invalid */
    ADR_EPLUGIN = -6,   /* a plugin could not be loaded, or none were found */
    ADR_ENOTFOUND = -7, /* the named thing (rule, profile, format) does not exist */
    ADR_EVERSION = -8,  /* a versioned struct has an unknown version */
    ADR_ELIMIT = -9     /* an input exceeds a configured limit */
};

/* A static description of an ADR_E* code ("out of memory"). Never NULL. */
ADR_API const char *adr_strerror(int code);

/*
 * The message of the most recent failure of an adr_ function on the calling
 * thread, e.g. "plugin /x/y.so: wrong ABI major 2 (host speaks 1)". Never
 * NULL; "" when nothing failed yet. Borrowed: valid until the next adr_ call
 * on this thread. Do not use it to detect failure, check return codes.
 */
ADR_API const char *adr_last_error(void);

/* ------------------------------------------------------------------------
 * Section - Severities, positions
 * ------------------------------------------------------------------------ */

/* Spectral's numbering, which its JSON output and many tools use. */
typedef enum adr_severity {
    ADR_SEVERITY_OFF = -1,
    ADR_SEVERITY_ERROR = 0,
    ADR_SEVERITY_WARN = 1,
    ADR_SEVERITY_INFO = 2,
    ADR_SEVERITY_HINT = 3
} adr_severity;

/* "error", "warn", "info", "hint" or "off". Static string. */
ADR_API const char *adr_severity_name(adr_severity severity);

/*
 * Parses "error", "warn"/"warning", "info"/"information", "hint", "off".
 * Returns ADR_OK or ADR_EINVAL.
 */
ADR_API int adr_severity_parse(const char *name, adr_severity *out);

/*
 * A position in a source file. All fields are 0-based: line, column in
 * bytes from the line start, column in UTF-16 code units (what LSP and
 * Spectral call "character"), and byte offset from the start of the file.
 * A UTF-8 byte order mark is not counted in the columns of the first line.
 */
typedef struct adr_position {
    uint32_t line;
    uint32_t column;
    uint32_t column_utf16;
    uint32_t offset;
} adr_position;

/* A half-open range: end is the position just after the last character. */
typedef struct adr_range {
    adr_position start;
    adr_position end;
} adr_range;

/* ------------------------------------------------------------------------
 * Section - Options and the linter
 * ------------------------------------------------------------------------ */

typedef struct adr_linter adr_linter;
typedef struct adr_result adr_result;

/* adr_options.flags */
#define ADR_OPTION_NO_DEFAULT_PLUGINS (1u << 0) /* load only plugin_paths */
#define ADR_OPTION_ALLOW_PLUGINS      (1u << 1) /* config files may load plugins */

/*
 * A severity set for one rule from outside any configuration file (the
 * CLI's --skip-rule, an editor setting). It wins over the profile, the
 * configuration and its overrides.
 */
typedef struct adr_rule_setting {
    const char *code;      /* rule code or one of its aliases */
    adr_severity severity; /* ADR_SEVERITY_OFF turns the rule off */
} adr_rule_setting;

/* Version 2 appended ignore_file and rule_settings; version 1 structs are
 * still accepted (those fields then take their defaults). */
#define ADR_OPTIONS_VERSION 2

/*
 * Options for adr_linter_new(). Initialise with ADR_OPTIONS_INIT or
 * adr_options_init() and set only what you need; zero/NULL fields mean the
 * documented default. Strings are copied; the struct may be discarded after
 * adr_linter_new() returns.
 *
 * Plugins named by a configuration file ("plugins:") run native code, so
 * they are loaded only when ADR_OPTION_ALLOW_PLUGINS is set or the
 * configuration lies in the user's own configuration directory
 * ($XDG_CONFIG_HOME/adrlint, else ~/.config/adrlint); otherwise
 * adr_linter_new() fails with ADR_EPLUGIN. Linting an untrusted repository
 * therefore never runs its code. The rules of such plugins run at their
 * default severity unless the configuration sets another.
 */
typedef struct adr_options {
    unsigned int version; /* ADR_OPTIONS_VERSION */
    unsigned int flags;   /* ADR_OPTION_* */
    /* Built-in profile to start from: "adr-2.0" (default), "adr-2.1",
     * "adr-2.2"; "future" may be appended after a comma ("adr-2.0,future"). */
    const char *profile;
    /* A configuration file (.adrlint.yaml format) applied on top of the
     * profile, or NULL. Its "extends" replaces the profile above. */
    const char *config_path;
    /* Extra plugin files, or directories whose *.so files are loaded. */
    const char *const *plugin_paths;
    size_t plugin_path_count;
    /* External $ref files must lie below this directory. NULL: the
     * directory of each linted file. */
    const char *root_dir;
    /* Limits; 0 selects the default shown. */
    size_t max_file_size; /* bytes per file, 64 MiB */
    size_t max_depth;     /* nesting of collections, 1000 */
    size_t max_nodes;     /* nodes after alias expansion, 10 million */
    size_t max_ref_files; /* external files per lint, 1000 */
    /* Version 2. */
    /* An ignore file (see "Ignore files" below). NULL: the configuration's
     * "ignore-file" (relative to the configuration), if any; "": none, even
     * when the configuration names one. */
    const char *ignore_file;
    /* Applied last, in order; an unknown code fails adr_linter_new() with
     * ADR_ENOTFOUND. The array is copied. */
    const adr_rule_setting *rule_settings;
    size_t rule_setting_count;
} adr_options;

/* clang-format off */
#define ADR_OPTIONS_INIT \
    {ADR_OPTIONS_VERSION, 0, NULL, NULL, NULL, 0, NULL, 0, 0, 0, 0, NULL, NULL, 0}
/* clang-format on */

/* Fills *opts with the defaults of that struct version (1 or 2). Returns
 * ADR_OK, or ADR_EVERSION when version is not one this library knows. */
ADR_API int adr_options_init(adr_options *opts, unsigned int version);

/*
 * Creates a linter: loads the rule plugins (from the directory beside the
 * library, ADRLINT_PLUGIN_PATH and opts->plugin_paths), applies the profile
 * and configuration. opts may be NULL for defaults.
 *
 * On success *out is a linter to free with adr_linter_free(). Fails with
 * ADR_EPLUGIN (no plugins found, a plugin refused), ADR_ECONFIG (bad
 * profile or configuration; adr_last_error() names the file, line and
 * column), ADR_ENOTFOUND (unknown profile), ADR_EVERSION, ADR_EINVAL,
 * ADR_ENOMEM. On failure *out is NULL.
 */
ADR_API int adr_linter_new(adr_linter **out, const adr_options *opts);

/* Frees a linter and unloads its plugins. Results it produced stay valid. */
ADR_API void adr_linter_free(adr_linter *linter);

/*
 * Lints the file at path, following relative $refs to other files below
 * the root directory. On success *out is a result to free with
 * adr_result_free(); syntax errors in the document are findings (code
 * "parser"), not failures. Fails with ADR_EIO (cannot read path, or it is
 * a directory), ADR_ELIMIT (file larger than max_file_size), ADR_ENOMEM,
 * ADR_EINVAL.
 */
ADR_API int adr_linter_lint_file(const adr_linter *linter, const char *path, adr_result **out);

/*
 * Lints a document held in memory. name is used as the source in findings
 * and to resolve relative $refs (NULL: "<input>", refs relative to the
 * current directory). The buffer is borrowed for the duration of the call.
 */
ADR_API int adr_linter_lint_buffer(const adr_linter *linter, const char *data, size_t size,
                                   const char *name, adr_result **out);

/* Reads fd to its end (e.g. 0 for standard input) and lints what it read,
 * as adr_linter_lint_buffer(). Does not close fd. */
ADR_API int adr_linter_lint_fd(const adr_linter *linter, int fd, const char *name,
                               adr_result **out);

/*
 * The configuration file the linter was built with (absolute path), or NULL
 * when it has none. Owned by linter.
 */
ADR_API const char *adr_linter_config(const adr_linter *linter);

/*
 * Finds the configuration that applies to a file the way the CLI and the
 * language server do: the nearest .adrlint.yaml (or .adrlint.yml) in the
 * file's directory or any directory above it. file_path may be relative or
 * "-" (the current directory). On success *out is the path, to free with
 * adr_free(). Returns ADR_OK, ADR_ENOTFOUND (none; *out is NULL) or
 * ADR_ENOMEM.
 */
ADR_API int adr_config_find(const char *file_path, char **out);

/* ------------------------------------------------------------------------
 * Section - Results
 * ------------------------------------------------------------------------ */

/*
 * One finding. All strings are owned by the result. The struct may grow
 * at the end in later versions: never allocate or copy it by value.
 *
 * range follows Spectral's conventions so that output matches the tools
 * users know: a scalar's range covers the scalar (with its quotes); a
 * mapping's or sequence's starts just after its key's colon and ends at
 * the end of its last descendant; a finding about the whole document
 * starts at 0:0.
 */
typedef struct adr_diagnostic {
    const char *code;      /* "nlgov:semver", "oas3-schema", "parser" */
    const char *rule_id;   /* ADR rule, "/core/semver"; "" when none */
    adr_severity severity; /* after profile and configuration */
    const char *message;
    const char *source; /* the file the finding is in (a $ref'd file too) */
    const char *path;   /* JSON pointer in source, "" for the root */
    adr_range range;
    const char *doc_url; /* rule documentation; "" when none */
} adr_diagnostic;

/* Number of findings, sorted by source, position, code and path. */
ADR_API size_t adr_result_count(const adr_result *result);

/* The i-th finding, or NULL when i is out of range. Owned by result. */
ADR_API const adr_diagnostic *adr_result_get(const adr_result *result, size_t i);

/* The name of the linted file, as given to the lint call. Owned by result. */
ADR_API const char *adr_result_source(const adr_result *result);

/* Frees a result. */
ADR_API void adr_result_free(adr_result *result);

/*
 * The files this lint read: the linted file first, then every file reached
 * through $refs, in the order they were loaded, then the files $refs named
 * that could not be read (so that an editor lints again when they appear).
 * Each is the file's absolute path, or its name for a buffer linted without
 * one. An editor re-lints a document when one of them changes. Returns NULL
 * when i is out of range. Owned by result.
 */
ADR_API size_t adr_result_file_count(const adr_result *result);
ADR_API const char *adr_result_file(const adr_result *result, size_t i);

/* ------------------------------------------------------------------------
 * Section - Ignore files
 *
 * An ignore file lists findings to suppress, by file, rule code and the
 * JSON pointer of the finding (Redocly's .redocly.lint-ignore.yaml shape):
 *
 *   openapi.yaml:                 # relative to the ignore file's directory
 *     nlgov:semver:               # a code or an alias
 *       - '#/info/version'        # exact pointers, '#' first
 *
 * A legacy API adopts adrlint by writing one from its current findings
 * ("adrlint baseline", the "ignore-file" format of adr_result_write()) and
 * then fails only on new problems. A finding an entry matches is left out
 * of adr_result_get() and listed by adr_result_suppressed_get() instead.
 * ------------------------------------------------------------------------ */

/* One entry of an ignore file. Strings are owned by the linter. */
typedef struct adr_ignore_entry {
    const char *file;      /* as written in the ignore file */
    const char *path;      /* absolute, normalised path of that file */
    const char *code;      /* the rule's code (an alias is resolved) */
    const char *pointer;   /* as written, "#/info/version" */
    adr_position position; /* of the pointer in the ignore file */
} adr_ignore_entry;

/* The ignore file the linter applies (absolute path), or NULL. Owned by
 * linter. */
ADR_API const char *adr_linter_ignore_file(const adr_linter *linter);

/* Number of entries in the linter's ignore file (0 without one). */
ADR_API size_t adr_linter_ignore_count(const adr_linter *linter);

/* The i-th entry, in file order, or NULL when out of range. Owned by
 * linter. */
ADR_API const adr_ignore_entry *adr_linter_ignore_get(const adr_linter *linter, size_t i);

/* What an ignore entry did in one lint. */
typedef enum adr_ignore_use {
    ADR_IGNORE_NOT_APPLICABLE = 0, /* its file was not read by this lint */
    ADR_IGNORE_UNUSED = 1,         /* its file was read; it matched no finding */
    ADR_IGNORE_USED = 2            /* it suppressed a finding */
} adr_ignore_use;

/*
 * How the entry with index entry (of the linter that produced result) fared
 * in this lint. Combine several results with the largest value: an entry
 * whose largest value is ADR_IGNORE_UNUSED is stale. Out of range, or a
 * NULL result: ADR_IGNORE_NOT_APPLICABLE.
 */
ADR_API adr_ignore_use adr_result_ignore_use(const adr_result *result, size_t entry);

/* Findings the ignore file suppressed, in the order of adr_result_get().
 * NULL when i is out of range. Owned by result. (Findings suppressed by
 * x-lint-ignore in the document are not kept.) */
ADR_API size_t adr_result_suppressed_count(const adr_result *result);
ADR_API const adr_diagnostic *adr_result_suppressed_get(const adr_result *result, size_t i);

/* ------------------------------------------------------------------------
 * Section - Output formats
 * ------------------------------------------------------------------------ */

/* adr_write_options.flags */
#define ADR_WRITE_ONLY_FAILURES (1u << 0) /* only findings at or above fail_severity */

/* Version 2 appended flags, linters, linter_count and base_dir; version 1
 * structs are still accepted. */
#define ADR_WRITE_OPTIONS_VERSION 2

/*
 * Options for adr_result_write(). Zero/NULL fields mean the default shown.
 * Everything is borrowed for the duration of the call.
 */
typedef struct adr_write_options {
    unsigned int version; /* ADR_WRITE_OPTIONS_VERSION */
    const char *format;   /* a name from adr_format_name(); default "stylish" */
    /* What counts as failing: junit and markdown list only failing
     * findings, as Spectral's do; default error. */
    adr_severity fail_severity;
    int color; /* nonzero: ANSI colours (stylish) */
    /* Version 2. */
    unsigned int flags; /* ADR_WRITE_* */
    /* The linters that produced the results. sarif describes their enabled
     * rules (and every rule with a finding) in tool.driver.rules from them;
     * ignore-file keeps their entries for files no result read. NULL: rules
     * are described from the findings alone. */
    const adr_linter *const *linters;
    size_t linter_count;
    /* Paths in sarif, github-actions, gitlab and ignore-file are relative to
     * this directory, with '/'. NULL: the current directory. */
    const char *base_dir;
} adr_write_options;

/* clang-format off */
#define ADR_WRITE_OPTIONS_INIT \
    {ADR_WRITE_OPTIONS_VERSION, NULL, ADR_SEVERITY_ERROR, 0, 0, NULL, 0, NULL}
/* clang-format on */

/*
 * Formats the findings of count results (one per linted file, in the order
 * given) into one text in the chosen format:
 *
 *   stylish         Spectral's default layout (1-based positions)
 *   text            file:line:col severity code "message" (1-based)
 *   json            Spectral's JSON array (0-based line, UTF-16 character)
 *   sarif           SARIF 2.1.0 for GitHub code scanning
 *   junit           JUnit XML, one testsuite per file
 *   github-actions  workflow commands (::error file=...::message)
 *   gitlab          GitLab Code Quality (1-based lines)
 *   markdown        a table with each code linked to its documentation
 *   ignore-file     an ignore file suppressing every finding (baseline)
 *
 * On success *out is a NUL-terminated string to free with adr_free() and
 * *out_len (if not NULL) its length. Fails with ADR_ENOTFOUND for an
 * unknown format, ADR_EVERSION, ADR_EINVAL, ADR_ENOMEM.
 */
ADR_API int adr_result_write(const adr_result *const *results, size_t count,
                             const adr_write_options *opts, char **out, size_t *out_len);

/* Number of output formats, and the name of the i-th (NULL when out of
 * range), in the order listed above. Static strings. */
ADR_API size_t adr_format_count(void);
ADR_API const char *adr_format_name(size_t i);

/* Frees memory the library handed to the caller (adr_result_write). */
ADR_API void adr_free(void *ptr);

/* ------------------------------------------------------------------------
 * Section - Rules and profiles
 * ------------------------------------------------------------------------ */

/* Describes one rule as the linter knows it. Strings are owned by the linter. */
typedef struct adr_rule_info {
    const char *code;              /* "nlgov:semver" */
    const char *rule_id;           /* "/core/semver", "" when none */
    const char *title;             /* one line */
    const char *rationale;         /* why the rule exists, a paragraph */
    const char *doc_url;           /* "" when none */
    const char *plugin;            /* plugin (rule group) name, "core" for built-ins */
    adr_severity default_severity; /* the rule's own default */
    adr_severity severity;         /* in this linter's profile and config; OFF when not run */
    const char *aliases;           /* older codes accepted in config, space separated */
} adr_rule_info;

/* Number of rules known to the linter (every loaded rule, run or not). */
ADR_API size_t adr_linter_rule_count(const adr_linter *linter);

/* The i-th rule (ordered by code), or NULL when out of range. Owned by linter. */
ADR_API const adr_rule_info *adr_linter_rule(const adr_linter *linter, size_t i);

/* The rule with this code or alias, or NULL. Owned by linter. */
ADR_API const adr_rule_info *adr_linter_rule_find(const adr_linter *linter, const char *code);

/* The profile the linter was configured with ("adr-2.2"). Owned by linter. */
ADR_API const char *adr_linter_profile(const adr_linter *linter);

/* Number of built-in profiles, and the name of the i-th (NULL when out of
 * range). Static strings. */
ADR_API size_t adr_profile_count(void);
ADR_API const char *adr_profile_name(size_t i);

/* ------------------------------------------------------------------------
 * Section - Editor support
 *
 * Added for the language server (adrlint lsp, bindings/cli/lsp*.c): linting
 * with unsaved buffers standing in for files, and the edit that suppresses a
 * finding. (adr_result_file() lists the files a lint depended on.)
 * ------------------------------------------------------------------------ */

/*
 * A document held in memory that stands in for the file at path whenever a
 * lint's $refs reach that file (an editor's unsaved buffer). path is
 * absolute, or relative to the current directory.
 */
typedef struct adr_source {
    const char *path;
    const char *data;
    size_t size;
} adr_source;

/*
 * As adr_linter_lint_buffer(), but a $ref that reaches the file at
 * sources[i].path reads sources[i].data instead of the file. The sources
 * (count of them; NULL when count is 0) are borrowed for the duration of
 * the call. The same confinement to the root directory applies as for
 * files. Fails as adr_linter_lint_buffer().
 */
ADR_API int adr_linter_lint_buffers(const adr_linter *linter, const char *data, size_t size,
                                    const char *name, const adr_source *sources, size_t count,
                                    adr_result **out);

/*
 * Computes the edit that suppresses the finding with this code at this
 * JSON pointer (adr_diagnostic.path) in the document data (size bytes; JSON
 * when name ends in ".json", YAML otherwise): x-lint-ignore: CODE added to
 * the mapping the pointer names, or to the nearest mapping around it when it
 * names a scalar or a sequence. An existing x-lint-ignore is extended to a
 * list. Block mappings get a key at the indentation of their keys; flow
 * mappings and JSON get a member "x-lint-ignore": "CODE".
 *
 * On success *out_range is the part of data to replace (start == end for an
 * insertion) and *out_text the replacement, NUL-terminated, to free with
 * adr_free(). Fails with ADR_ENOTFOUND (the pointer names nothing in data,
 * e.g. the text changed since the lint, or the document does not parse),
 * ADR_EINVAL (a NULL argument, an empty code, or the mapping already
 * ignores code), ADR_ELIMIT, ADR_ENOMEM.
 */
ADR_API int adr_ignore_edit(const char *data, size_t size, const char *name, const char *path,
                            const char *code, adr_range *out_range, char **out_text);

#ifdef __cplusplus
}
#endif

#endif /* ADRLINT_ADRLINT_H */
