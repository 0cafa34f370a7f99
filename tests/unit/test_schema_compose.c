/* core/schema: composition, discriminators, conditionals, annotations,
 * references (local, other files, cycles), error collection and bad
 * input. */
#include <sys/stat.h>
#include <unistd.h>

#include "schema_harness.h"
#include "util/util.h"

TestSuite(compose, .fini = teardown_schema);

Test(compose, all_of_reports_the_failing_part_directly)
{
    check("schema:\n  allOf:\n    - {required: [a]}\n    - {required: [b]}\nvalue: {a: 1}\n", D30);
    expect_only("\"value\" property must have required property \"b\"", 5, 7);
}

Test(compose, any_of_lists_each_branch_then_itself)
{
    check("schema: {anyOf: [{type: string}, {type: integer}]}\nvalue: 1.5\n", D30);
    cr_assert_eq(ngot, 3);
    expect_error(0, "\"value\" property type must be string", 2, 8);
    expect_error(1, "\"value\" property type must be integer", 2, 8);
    expect_error(2, "\"value\" property must match a schema in anyOf", 2, 8);
    expect_valid("schema: {anyOf: [{type: string}, {type: integer}]}\nvalue: 2\n", D30);
}

Test(compose, any_of_gives_way_to_deeper_errors)
{
    /* better-ajv-errors drops what is said about the value itself when a
     * branch found something wrong further down */
    check("schema:\n  anyOf:\n    - {type: string}\n    - {properties: {n: {type: integer}}}\n"
          "value: {n: x}\n",
          D30);
    expect_only("\"n\" property type must be integer", 5, 12);
}

Test(compose, one_of_fails_on_none_and_on_two)
{
    check("schema: {oneOf: [{required: [a]}, {required: [b]}]}\nvalue: {c: 1}\n", D30);
    cr_assert_eq(ngot, 3);
    expect_error(0, "\"value\" property must have required property \"a\"", 2, 7);
    expect_error(1, "\"value\" property must have required property \"b\"", 2, 7);
    expect_error(2, "\"value\" property must match exactly one schema in oneOf", 2, 7);
    check("schema: {oneOf: [{required: [a]}, {required: [b]}]}\nvalue: {a: 1, b: 2}\n", D30);
    expect_only("\"value\" property must match exactly one schema in oneOf", 2, 7);
    expect_valid("schema: {oneOf: [{required: [a]}, {required: [b]}]}\nvalue: {a: 1}\n", D30);
}

Test(compose, not )
{
    expect_invalid("schema: {not: {type: string}}\nvalue: x\n", D30,
                   "\"value\" property must not be valid", 2, 8);
    expect_valid("schema: {not: {type: string}}\nvalue: 1\n", D30);
}

static const char *const zoo = "components:\n"
                               "  schemas:\n"
                               "    Kat: {type: object, required: [soort, naam], properties: "
                               "{naam: {type: string}}}\n"
                               "    Hond: {type: object, required: [soort, naam], properties: "
                               "{naam: {type: string}, ras: {type: string}}}\n";

static int zoo_check(const char *schema_and_value)
{
    char buf[1024];
    snprintf(buf, sizeof buf, "%s%s", zoo, schema_and_value);
    return check(buf, D30);
}

Test(compose, discriminator_selects_the_branch)
{
    const char *s =
        "schema:\n  oneOf: [{$ref: '#/components/schemas/Kat'}, "
        "{$ref: '#/components/schemas/Hond'}]\n  discriminator: {propertyName: soort}\n";
    char buf[512];
    /* Kat and Hond both accept this dog: plain oneOf would fail */
    snprintf(buf, sizeof buf, "%svalue: {soort: Hond, naam: Rex}\n", s);
    cr_expect_eq(zoo_check(buf), 1);
    /* the chosen branch's own error, not "exactly one" */
    snprintf(buf, sizeof buf, "%svalue: {soort: Hond, naam: 5}\n", s);
    cr_expect_eq(zoo_check(buf), 0);
    expect_only("\"naam\" property type must be string", 8, 28);
    /* an unknown value falls back to plain oneOf */
    snprintf(buf, sizeof buf, "%svalue: {soort: Vis, naam: Nemo}\n", s);
    cr_expect_eq(zoo_check(buf), 0);
    expect_only("\"value\" property must match exactly one schema in oneOf", 8, 7);
}

Test(compose, discriminator_mapping)
{
    const char *s =
        "schema:\n  anyOf: [{$ref: '#/components/schemas/Kat'}, "
        "{$ref: '#/components/schemas/Hond'}]\n  discriminator:\n    propertyName: soort\n"
        "    mapping: {poes: '#/components/schemas/Kat', woef: Hond}\n";
    char buf[512];
    snprintf(buf, sizeof buf, "%svalue: {soort: woef, naam: 1}\n", s);
    cr_expect_eq(zoo_check(buf), 0);
    expect_only("\"naam\" property type must be string", 10, 28);
    snprintf(buf, sizeof buf, "%svalue: {soort: poes, naam: Tom}\n", s);
    cr_expect_eq(zoo_check(buf), 1);
}

Test(compose, if_then_else_in_2020)
{
    const char *s = "schema:\n  if: {properties: {land: {const: NL}}}\n"
                    "  then: {required: [postcode]}\n  else: {required: [zip]}\n";
    char buf[256];
    snprintf(buf, sizeof buf, "%svalue: {land: NL}\n", s);
    cr_expect_eq(check(buf, D20), 0);
    expect_only("\"value\" property must have required property \"postcode\"", 5, 7);
    snprintf(buf, sizeof buf, "%svalue: {land: BE}\n", s);
    cr_expect_eq(check(buf, D20), 0);
    expect_only("\"value\" property must have required property \"zip\"", 5, 7);
    snprintf(buf, sizeof buf, "%svalue: {land: BE, zip: '1000'}\n", s);
    expect_valid(buf, D20);
    /* OAS 3.0 has no if/then/else */
    snprintf(buf, sizeof buf, "%svalue: {land: NL}\n", s);
    expect_valid(buf, D30);
}

Test(compose, unevaluated_properties_see_through_all_of)
{
    const char *s = "schema:\n  allOf: [{properties: {a: {}}}]\n  properties: {b: {}}\n"
                    "  unevaluatedProperties: false\n";
    char buf[256];
    snprintf(buf, sizeof buf, "%svalue: {a: 1, b: 2}\n", s);
    expect_valid(buf, D20);
    snprintf(buf, sizeof buf, "%svalue: {a: 1, c: 3}\n", s);
    cr_expect_eq(check(buf, D20), 0);
    expect_only("\"value\" property must not have unevaluated properties", 5, 7);
    /* only passing anyOf branches count */
    expect_invalid("schema:\n  anyOf: [{properties: {a: {type: string}}}, {}]\n"
                   "  unevaluatedProperties: false\nvalue: {a: 1}\n",
                   D20, "\"value\" property must not have unevaluated properties", 4, 7);
}

Test(compose, unevaluated_items)
{
    expect_valid("schema: {prefixItems: [{}], unevaluatedItems: false}\nvalue: [1]\n", D20);
    expect_invalid("schema: {prefixItems: [{}], unevaluatedItems: false}\nvalue: [1, 2]\n", D20,
                   "\"value\" property must not have more than 1 items", 2, 7);
    expect_invalid("schema: {prefixItems: [{}], unevaluatedItems: {type: string}}\nvalue: [1, 2]\n",
                   D20, "\"1\" property type must be string", 2, 12);
}

/* ---- references --------------------------------------------------------- */

Test(compose, local_refs_and_chains)
{
    check("defs:\n  A: {$ref: '#/defs/B'}\n  B: {type: integer}\n"
          "schema: {properties: {n: {$ref: '#/defs/A'}}}\nvalue: {n: x}\n",
          D30);
    expect_only("\"n\" property type must be integer", 5, 12);
}

Test(compose, ref_siblings_ignored_in_30_applied_in_2020)
{
    const char *doc =
        "defs:\n  A: {type: integer}\nschema: {$ref: '#/defs/A', maximum: 5}\nvalue: 9\n";
    expect_valid(doc, D30);
    cr_expect_eq(check(doc, D20), 0);
    expect_only("\"value\" property must be <= 5", 4, 8);
}

Test(compose, unresolvable_refs_validate_anything)
{
    expect_valid("schema: {$ref: '#/nowhere'}\nvalue: 1\n", D30);
    expect_valid("schema: {$ref: 'https://example.com/schema.json'}\nvalue: 1\n", D30);
}

Test(compose, refs_into_other_files)
{
    char dir[] = "/tmp/adrlint-schema-XXXXXX";
    cr_assert(mkdtemp(dir));
    char path[4096];
    snprintf(path, sizeof path, "%s/common.yaml", dir);
    FILE *f = fopen(path, "w");
    cr_assert(f);
    fputs("Code:\n  type: string\n  pattern: '^[A-Z]+$'\n", f);
    fclose(f);
    cr_expect_eq(check_in("schema: {$ref: 'common.yaml#/Code'}\nvalue: abc\n", D30, dir), 0);
    expect_only("\"value\" property must match pattern \"^[A-Z]+$\"", 2, 8);
    cr_expect_eq(check_in("schema: {$ref: 'common.yaml#/Code'}\nvalue: ABC\n", D30, dir), 1);
    teardown_schema();
    unlink(path);
    rmdir(dir);
}

Test(compose, recursive_schemas_follow_the_data)
{
    const char *tree = "defs:\n  Node:\n    type: object\n    properties:\n"
                       "      kids: {type: array, items: {$ref: '#/defs/Node'}}\n"
                       "      name: {type: string}\n"
                       "schema: {$ref: '#/defs/Node'}\n";
    char buf[512];
    snprintf(buf, sizeof buf, "%svalue: {name: a, kids: [{name: b, kids: [{name: 3}]}]}\n", tree);
    cr_expect_eq(check(buf, D30), 0);
    expect_only("\"name\" property type must be string", 8, 49);
}

Test(compose, cycles_without_data_terminate)
{
    /* a schema that refers to itself without descending into the value */
    expect_valid("schema: {$ref: '#/schema'}\nvalue: 1\n", D30);
    expect_valid("defs:\n  A: {allOf: [{$ref: '#/defs/B'}]}\n  B: {anyOf: [{$ref: '#/defs/A'}]}\n"
                 "schema: {$ref: '#/defs/A'}\nvalue: 1\n",
                 D20);
    expect_valid("schema: {allOf: [{$ref: '#/schema'}], type: string}\nvalue: x\n", D20);
}

Test(compose, exponential_any_of_is_bounded, .timeout = 10)
{
    /* Both branches recurse before failing at the leaf: 2^40 evaluations
     * without the step budget, which gives up and calls the value valid. */
    const char *s = "defs:\n  T:\n    anyOf:\n"
                    "      - {type: object, properties: {k: {$ref: '#/defs/T'}}}\n"
                    "      - {type: object, properties: {k: {$ref: '#/defs/T'}}}\n"
                    "schema: {$ref: '#/defs/T'}\n";
    char buf[8192];
    size_t n = (size_t)snprintf(buf, sizeof buf, "%svalue: ", s);
    for (int i = 0; i < 40; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "{k: ");
    n += (size_t)snprintf(buf + n, sizeof buf - n, "1");
    for (int i = 0; i < 40; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "}");
    snprintf(buf + n, sizeof buf - n, "\n");
    cr_expect_eq(check(buf, D30), 1);
    cr_expect_eq(ngot, 0);
    /* shallow enough to finish: a real verdict */
    n = (size_t)snprintf(buf, sizeof buf, "%svalue: {k: {k: 1}}\n", s);
    cr_expect_eq(check(buf, D30), 0);
}

/* ---- collection, API edges ------------------------------------------ */

Test(compose, all_errors_on_request)
{
    check("schema:\n  required: [a]\n  properties: {b: {type: string}, c: {maximum: 1}}\n"
          "value: {b: 1, c: 2}\n",
          D30 | ADR_VALIDATE_ALL_ERRORS);
    cr_assert_eq(ngot, 3);
    expect_error(0, "\"value\" property must have required property \"a\"", 4, 7);
    expect_error(1, "\"b\" property type must be string", 4, 12);
    expect_error(2, "\"c\" property must be <= 1", 4, 18);
    /* by default, the first only */
    check("schema:\n  required: [a]\n  properties: {b: {type: string}, c: {maximum: 1}}\n"
          "value: {b: 1, c: 2}\n",
          D30);
    cr_expect_eq(ngot, 1);
}

static int stop_after_one(void *user, const adr_schema_error *e)
{
    (void)e;
    ++*(int *)user;
    return 1;
}

Test(compose, callback_can_stop)
{
    adr_doc *doc = load("schema: {properties: {a: {type: string}, b: {type: string}}}\n"
                        "value: {a: 1, b: 2}\n",
                        NULL);
    int calls = 0;
    int rc = adr_schema_validate(test_ctx, adr_node_get(doc->root, "schema"),
                                 adr_node_get(doc->root, "value"), D30 | ADR_VALIDATE_ALL_ERRORS,
                                 stop_after_one, &calls);
    cr_expect_eq(rc, 0);
    cr_expect_eq(calls, 1);
    /* without a callback only the verdict */
    rc = adr_schema_validate(test_ctx, adr_node_get(doc->root, "schema"),
                             adr_node_get(doc->root, "value"), D30, NULL, NULL);
    cr_expect_eq(rc, 0);
}

Test(compose, odd_schemas_do_not_reject)
{
    expect_valid("schema: 42\nvalue: x\n", D30);
    expect_valid("schema: [type, string]\nvalue: 1\n", D30);
    expect_valid("schema: {type: nonsense}\nvalue: 1\n", D30);
    expect_valid("schema: {type: string, maxLength: -1, minimum: x, required: yes}\nvalue: abc\n",
                 D30);
    expect_valid("schema: {}\nvalue: {a: [1, {b: null}]}\n", D20);
    expect_valid("schema: true\nvalue: 1\n", D20);
    expect_invalid("schema: false\nvalue: 1\n", D20, "\"value\" property boolean schema is false",
                   2, 8);
}

Test(compose, out_of_memory_is_reported_not_crashed)
{
    adr_doc *doc = load("schema: {properties: {a: {type: string, pattern: '^x'}}}\n"
                        "value: {a: 1}\n",
                        NULL);
    const adr_node *schema = adr_node_get(doc->root, "schema");
    const adr_node *value = adr_node_get(doc->root, "value");
    bool saw_enomem = false;
    for (uint64_t n = 1; n < 64; n++) {
        adr_schema_ctx *sc = adr_schema_ctx_new(ws_deref, &test_ws);
        if (!sc) continue;
        adr_alloc_fail_after(n);
        int rc = adr_schema_validate(sc, schema, value, D30, collect, NULL);
        adr_alloc_fail_after(0);
        cr_expect(rc == 0 || rc == ADR_ENOMEM, "rc %d", rc);
        saw_enomem |= rc == ADR_ENOMEM;
        adr_schema_ctx_free(sc);
    }
    cr_expect(saw_enomem);
}
