/* core/schema: each keyword with valid and invalid values, the messages
 * Spectral prints for them and the position they are reported at. */
#include "schema_harness.h"

TestSuite(schema, .fini = teardown_schema);

/* ---- type ------------------------------------------------------------- */

Test(schema, type_mismatch_names_the_value)
{
    expect_invalid("schema: {type: string}\nvalue: 5\n", D30,
                   "\"value\" property type must be string", 2, 8);
    expect_valid("schema: {type: string}\nvalue: '5'\n", D30);
    expect_valid("schema: {type: object}\nvalue: {a: 1}\n", D30);
    expect_invalid("schema: {type: array}\nvalue: {a: 1}\n", D30,
                   "\"value\" property type must be array", 2, 7);
    expect_invalid("schema: {type: boolean}\nvalue: 'true'\n", D30,
                   "\"value\" property type must be boolean", 2, 8);
    expect_invalid("schema: {type: object}\nvalue: null\n", D30,
                   "\"value\" property type must be object", 2, 8);
}

Test(schema, nested_values_are_named_by_key_or_index)
{
    check("schema:\n  type: object\n  properties:\n    tags: {type: array, items: {type: string}}\n"
          "value:\n  tags: [a, 2]\n",
          D30);
    expect_only("\"1\" property type must be string", 6, 13);
}

Test(schema, integer_is_written_without_fraction_in_oas30)
{
    expect_valid("schema: {type: integer}\nvalue: 12\n", D30);
    expect_invalid("schema: {type: integer}\nvalue: 12.0\n", D30,
                   "\"value\" property type must be integer", 2, 8);
    expect_invalid("schema: {type: integer}\nvalue: 12.5\n", D20,
                   "\"value\" property type must be integer", 2, 8);
    /* 2020-12: 1.0 is an integer */
    expect_valid("schema: {type: integer}\nvalue: 12.0\n", D20);
    expect_valid("schema: {type: integer}\nvalue: 1e3\n", D20);
    expect_valid("schema: {type: number}\nvalue: 12\n", D30);
}

Test(schema, type_arrays_in_2020)
{
    expect_valid("schema: {type: [string, 'null']}\nvalue: null\n", D20);
    expect_invalid("schema: {type: [string, 'null']}\nvalue: 3\n", D20,
                   "\"value\" property type must be string,null", 2, 8);
}

/* ---- nullable (OAS 3.0) ------------------------------------------------ */

Test(schema, nullable_admits_null)
{
    expect_valid("schema: {type: string, nullable: true}\nvalue: null\n", D30);
    expect_invalid("schema: {type: string, nullable: true}\nvalue: 4\n", D30,
                   "\"value\" property type must be string,null", 2, 8);
    expect_invalid("schema: {type: string, nullable: false}\nvalue: null\n", D30,
                   "\"value\" property type must be string", 2, 8);
    /* not a keyword of 2020-12 */
    expect_invalid("schema: {type: string, nullable: true}\nvalue: null\n", D20,
                   "\"value\" property type must be string", 2, 8);
}

Test(schema, nullable_beside_composition_and_ref)
{
    const char *base = "components:\n  A: {type: object, required: [id]}\n";
    char buf[512];
    static const char *const schemas[] = {
        "{nullable: true, allOf: [{$ref: '#/components/A'}]}",
        "{nullable: true, oneOf: [{$ref: '#/components/A'}]}",
        "{nullable: true, anyOf: [{$ref: '#/components/A'}, {type: string}]}",
        "{nullable: true, type: string, enum: [a, b]}",
    };
    for (size_t i = 0; i < sizeof schemas / sizeof schemas[0]; i++) {
        snprintf(buf, sizeof buf, "%sschema: %s\nvalue: null\n", base, schemas[i]);
        expect_valid(buf, D30);
    }
    /* without nullable, null is no object */
    check("components:\n  A: {type: object, required: [id]}\n"
          "schema: {allOf: [{$ref: '#/components/A'}]}\nvalue: null\n",
          D30);
    expect_only("\"value\" property type must be object", 4, 8);
}

/* ---- enum and const ------------------------------------------------------ */

Test(schema, enum_lists_the_allowed_values)
{
    expect_invalid("schema: {enum: [a, b]}\nvalue: c\n", D30,
                   "\"value\" property must be equal to one of the allowed values: \"a\", \"b\"", 2,
                   8);
    expect_invalid("schema: {enum: [foo, bar]}\nvalue: baz\n", D30,
                   "\"value\" property must be equal to one of the allowed values: \"foo\", "
                   "\"bar\". Did you mean \"bar\"?",
                   2, 8);
    /* one allowed value is always suggested */
    expect_invalid("schema: {enum: [only]}\nvalue: other\n", D30,
                   "\"value\" property must be equal to one of the allowed values: \"only\". Did "
                   "you mean \"only\"?",
                   2, 8);
    expect_invalid("schema: {enum: [1, 2.5, true, null, {a: 1}, [x]]}\nvalue: 3\n", D30,
                   "\"value\" property must be equal to one of the allowed values: 1, 2.5, true, "
                   "null, {\"a\":1}, [\"x\"]",
                   2, 8);
    /* Spectral adds null to the enum of a nullable schema */
    expect_invalid("schema: {type: string, enum: [a], nullable: true}\nvalue: b\n", D30,
                   "\"value\" property must be equal to one of the allowed values: \"a\", null", 2,
                   8);
    expect_valid("schema: {enum: [1, {a: [1, 2]}]}\nvalue: {a: [1, 2.0]}\n", D30);
    expect_valid("schema: {enum: ['1']}\nvalue: '1'\n", D30);
    expect_invalid("schema: {enum: ['1']}\nvalue: 1\n", D30,
                   "\"value\" property must be equal to one of the allowed values: \"1\"", 2, 8);
}

Test(schema, const_in_2020_only)
{
    expect_valid("schema: {const: {a: 1}}\nvalue: {a: 1.0}\n", D20);
    expect_invalid("schema: {const: Point}\nvalue: Line\n", D20,
                   "\"value\" property must be equal to constant", 2, 8);
    expect_valid("schema: {const: Point}\nvalue: Line\n", D30);
}

/* ---- numbers --------------------------------------------------------- */

Test(schema, minimum_and_maximum)
{
    expect_invalid("schema: {maximum: 10}\nvalue: 11\n", D30, "\"value\" property must be <= 10", 2,
                   8);
    expect_valid("schema: {maximum: 10}\nvalue: 10\n", D30);
    expect_invalid("schema: {minimum: 0.5}\nvalue: 0.25\n", D30,
                   "\"value\" property must be >= 0.5", 2, 8);
    /* draft-04 booleans */
    expect_invalid("schema: {maximum: 10, exclusiveMaximum: true}\nvalue: 10\n", D30,
                   "\"value\" property must be < 10", 2, 8);
    expect_invalid("schema: {minimum: 1, exclusiveMinimum: true}\nvalue: 1\n", D30,
                   "\"value\" property must be > 1", 2, 8);
    expect_valid("schema: {minimum: 1, exclusiveMinimum: false}\nvalue: 1\n", D30);
    /* 2020-12 numbers; a boolean means nothing there */
    expect_invalid("schema: {exclusiveMaximum: 10}\nvalue: 10\n", D20,
                   "\"value\" property must be < 10", 2, 8);
    expect_invalid("schema: {exclusiveMinimum: 0}\nvalue: -1\n", D20,
                   "\"value\" property must be > 0", 2, 8);
    expect_valid("schema: {maximum: 10, exclusiveMaximum: true}\nvalue: 10\n", D20);
    /* limits print as JavaScript prints numbers */
    expect_invalid("schema: {maximum: 1.0e21}\nvalue: 2e21\n", D30,
                   "\"value\" property must be <= 1e+21", 2, 8);
    expect_invalid("schema: {minimum: 0.0000001}\nvalue: 0\n", D30,
                   "\"value\" property must be >= 1e-7", 2, 8);
    expect_invalid("schema: {maximum: 100.0}\nvalue: 101\n", D30,
                   "\"value\" property must be <= 100", 2, 8);
}

Test(schema, big_integers_compare_exactly)
{
    expect_invalid("schema: {maximum: 9007199254740992}\nvalue: 9007199254740993\n", D30,
                   "\"value\" property must be <= 9007199254740992", 2, 8);
    expect_valid("schema: {maximum: 9223372036854775807}\nvalue: 9223372036854775807\n", D30);
}

Test(schema, multipleof_is_exact_in_decimal)
{
    expect_valid("schema: {multipleOf: 0.01}\nvalue: 19.99\n", D30);
    expect_valid("schema: {multipleOf: 0.1}\nvalue: 0.3\n", D30);
    expect_invalid("schema: {multipleOf: 0.01}\nvalue: 19.995\n", D30,
                   "\"value\" property must be multiple of 0.01", 2, 8);
    expect_invalid("schema: {multipleOf: 3}\nvalue: 10\n", D30,
                   "\"value\" property must be multiple of 3", 2, 8);
    expect_valid("schema: {multipleOf: 2.5}\nvalue: 1e1\n", D30);
}

/* ---- strings ------------------------------------------------------------ */

Test(schema, lengths_count_code_points)
{
    expect_valid("schema: {maxLength: 5}\nvalue: 'héllo'\n", D30);
    expect_valid("schema: {maxLength: 1}\nvalue: '😀'\n", D30);
    expect_invalid("schema: {maxLength: 4}\nvalue: 'héllo'\n", D30,
                   "\"value\" property must not have more than 4 characters", 2, 8);
    expect_invalid("schema: {minLength: 3}\nvalue: ab\n", D30,
                   "\"value\" property must not have fewer than 3 characters", 2, 8);
}

Test(schema, pattern)
{
    expect_valid("schema: {pattern: '^[a-z]+$'}\nvalue: abc\n", D30);
    expect_invalid("schema: {pattern: '^[a-z]+$'}\nvalue: aBc\n", D30,
                   "\"value\" property must match pattern \"^[a-z]+$\"", 2, 8);
    /* unanchored, as in ECMA-262 */
    expect_valid("schema: {pattern: 'b'}\nvalue: abc\n", D30);
    /* \d is ASCII: an Arabic-Indic digit is not one */
    expect_invalid("schema: {pattern: '^\\d$'}\nvalue: \"\\u0663\"\n", D30,
                   "\"value\" property must match pattern \"^\\d$\"", 2, 8);
    /* $ does not match before a final newline */
    expect_invalid("schema: {pattern: '^a$'}\nvalue: \"a\\n\"\n", D30,
                   "\"value\" property must match pattern \"^a$\"", 2, 8);
    /* escaped slash and Unicode escapes */
    expect_valid("schema: {pattern: '^\\/v\\d+$'}\nvalue: /v1\n", D30);
    expect_valid("schema: {pattern: '^\\u00e9$'}\nvalue: é\n", D30);
    /* a pattern that does not compile is not checked */
    expect_valid("schema: {pattern: '(unclosed'}\nvalue: anything\n", D30);
    expect_valid("schema: {pattern: '[a-'}\nvalue: anything\n", D30);
    /* strings only */
    expect_valid("schema: {pattern: '^a$'}\nvalue: 5\n", D30);
}

Test(schema, format_on_strings)
{
    expect_invalid("schema: {format: date}\nvalue: '2023-02-29'\n", D30,
                   "\"value\" property must match format \"date\"", 2, 8);
    expect_valid("schema: {format: date}\nvalue: '2024-02-29'\n", D30);
    expect_valid("schema: {format: unheard-of}\nvalue: whatever\n", D30);
    /* formats apply to their own type only */
    expect_valid("schema: {format: date}\nvalue: 20240229\n", D30);
    expect_invalid("schema: {format: int32}\nvalue: 2147483648\n", D30,
                   "\"value\" property must match format \"int32\"", 2, 8);
    expect_valid("schema: {format: int32}\nvalue: '2147483648'\n", D30);
}

/* ---- arrays ------------------------------------------------------------- */

Test(schema, items_and_counts)
{
    expect_invalid("schema: {maxItems: 1}\nvalue: [1, 2]\n", D30,
                   "\"value\" property must not have more than 1 items", 2, 7);
    expect_invalid("schema: {minItems: 3}\nvalue: [1, 2]\n", D30,
                   "\"value\" property must not have fewer than 3 items", 2, 7);
    expect_invalid("schema: {items: {type: integer}}\nvalue: [1, x, y]\n", D30,
                   "\"1\" property type must be integer", 2, 12);
}

Test(schema, tuples_in_oas30)
{
    const char *s = "schema: {items: [{type: string}, {type: integer}], additionalItems: false}\n";
    char buf[256];
    snprintf(buf, sizeof buf, "%svalue: [a, 1]\n", s);
    expect_valid(buf, D30);
    snprintf(buf, sizeof buf, "%svalue: [a, 1, 2]\n", s);
    expect_invalid(buf, D30, "\"value\" property must not have more than 2 items", 2, 7);
    snprintf(buf, sizeof buf, "%svalue: [1, 1]\n", s);
    expect_invalid(buf, D30, "\"0\" property type must be string", 2, 9);
}

Test(schema, prefix_items_in_2020)
{
    const char *s = "schema: {prefixItems: [{type: string}], items: {type: integer}}\n";
    char buf[256];
    snprintf(buf, sizeof buf, "%svalue: [a, 1, 2]\n", s);
    expect_valid(buf, D20);
    snprintf(buf, sizeof buf, "%svalue: [a, 1, b]\n", s);
    expect_invalid(buf, D20, "\"2\" property type must be integer", 2, 15);
    expect_invalid("schema: {prefixItems: [{}], items: false}\nvalue: [1, 2]\n", D20,
                   "\"value\" property must not have more than 1 items", 2, 7);
}

Test(schema, unique_items_names_the_pair_as_ajv)
{
    /* scalar item types: later index first */
    expect_invalid("schema: {uniqueItems: true, items: {type: integer}}\nvalue: [1, 2, 1]\n", D30,
                   "\"value\" property must not have duplicate items (items ## 2 and 0 are "
                   "identical)",
                   2, 7);
    /* other items: earlier index first */
    expect_invalid("schema: {uniqueItems: true}\nvalue: [{a: 1}, 2, {a: 1.0}]\n", D30,
                   "\"value\" property must not have duplicate items (items ## 0 and 2 are "
                   "identical)",
                   2, 7);
    expect_valid("schema: {uniqueItems: true}\nvalue: [1, '1', [1], {a: 1}]\n", D30);
    expect_valid("schema: {uniqueItems: false}\nvalue: [1, 1]\n", D30);
}

Test(schema, contains_in_2020)
{
    expect_valid("schema: {contains: {type: string}}\nvalue: [1, a]\n", D20);
    expect_invalid("schema: {contains: {type: string}}\nvalue: [1, 2]\n", D20,
                   "\"value\" property must contain at least 1 valid item(s)", 2, 7);
    expect_invalid("schema: {contains: {type: string}, minContains: 2}\nvalue: [a, 2]\n", D20,
                   "\"value\" property must contain at least 2 valid item(s)", 2, 7);
    expect_invalid("schema: {contains: {type: string}, maxContains: 1}\nvalue: [a, b]\n", D20,
                   "\"value\" property must contain at most 1 valid item(s)", 2, 7);
    expect_valid("schema: {contains: {type: string}, minContains: 0}\nvalue: [1]\n", D20);
    /* not a keyword of the OAS 3.0 Schema Object */
    expect_valid("schema: {contains: {type: string}}\nvalue: [1, 2]\n", D30);
}

/* ---- objects ------------------------------------------------------------ */

Test(schema, required_is_reported_at_the_object)
{
    check("schema: {required: [id, naam]}\nvalue:\n  naam: x\n", D30);
    expect_only("\"value\" property must have required property \"id\"", 2, 7);
    expect_valid("schema: {required: [id]}\nvalue: {id: null}\n", D30);
}

Test(schema, additional_properties)
{
    check("schema:\n  properties: {a: {}}\n  additionalProperties: false\nvalue: {a: 1, b: 2}\n",
          D30);
    expect_only("Property \"b\" is not expected to be here", 4, 7);
    check("schema:\n  additionalProperties: {type: integer}\nvalue: {a: 1, b: x}\n", D30);
    expect_only("\"b\" property type must be integer", 3, 18);
    expect_valid("schema: {additionalProperties: true}\nvalue: {a: 1}\n", D30);
    /* patternProperties count as declared */
    expect_valid("schema:\n  patternProperties: {'^x-': {}}\n  additionalProperties: false\n"
                 "value: {x-a: 1}\n",
                 D30);
}

Test(schema, additional_properties_come_before_properties_as_in_ajv)
{
    check("schema:\n  properties: {a: {type: string}}\n  additionalProperties: false\n"
          "value: {a: 1, b: 2}\n",
          D30);
    expect_only("Property \"b\" is not expected to be here", 4, 7);
}

Test(schema, properties_in_schema_order)
{
    check("schema:\n  properties:\n    a: {type: string}\n    b: {type: string}\n"
          "value: {b: 1, a: 2}\n",
          D30);
    expect_only("\"a\" property type must be string", 5, 18);
}

Test(schema, pattern_properties)
{
    expect_invalid(
        "schema:\n  patternProperties: {'^n_': {type: integer}}\nvalue: {n_a: x, o: y}\n", D30,
        "\"n_a\" property type must be integer", 3, 14);
}

Test(schema, property_counts)
{
    expect_invalid("schema: {maxProperties: 1}\nvalue: {a: 1, b: 2}\n", D30,
                   "\"value\" property must not have more than 1 properties", 2, 7);
    expect_invalid("schema: {minProperties: 1}\nvalue: {}\n", D30,
                   "\"value\" property must not have fewer than 1 properties", 2, 7);
}

Test(schema, dependencies)
{
    expect_invalid("schema: {dependencies: {a: [b, c]}}\nvalue: {a: 1, b: 1}\n", D30,
                   "\"value\" property must have properties b, c when property a is present", 2, 7);
    expect_invalid("schema: {dependentRequired: {a: [b]}}\nvalue: {a: 1}\n", D20,
                   "\"value\" property must have property b when property a is present", 2, 7);
    expect_invalid("schema: {dependentSchemas: {a: {required: [z]}}}\nvalue: {a: 1}\n", D20,
                   "\"value\" property must have required property \"z\"", 2, 7);
    expect_valid("schema: {dependentRequired: {a: [b]}}\nvalue: {c: 1}\n", D20);
}

Test(schema, property_names_report_at_the_object)
{
    check("schema: {propertyNames: {pattern: '^[a-z]+$'}}\nvalue: {ok: 1, Bad: 2}\n", D20);
    cr_assert_eq(ngot, 2);
    expect_error(0, "\"value\" property must match pattern \"^[a-z]+$\"", 2, 7);
    expect_error(1, "\"value\" property property name must be valid", 2, 7);
}

/* ---- read/write context ------------------------------------------------ */

Test(schema, read_only_is_not_required_in_requests)
{
    const char *doc = "schema:\n  required: [id, naam]\n  properties:\n    id: {readOnly: true}\n"
                      "    naam: {}\nvalue: {naam: x}\n";
    expect_valid(doc, D30 | ADR_VALIDATE_REQUEST);
    check(doc, D30 | ADR_VALIDATE_RESPONSE);
    expect_only("\"value\" property must have required property \"id\"", 6, 7);
    check(doc, D30);
    expect_only("\"value\" property must have required property \"id\"", 6, 7);
}

Test(schema, write_only_is_not_required_in_responses)
{
    const char *doc =
        "components:\n  Secret: {type: string, writeOnly: true}\n"
        "schema:\n  required: [pw]\n  properties:\n    pw: {$ref: '#/components/Secret'}\n"
        "value: {}\n";
    expect_valid(doc, D30 | ADR_VALIDATE_RESPONSE);
    check(doc, D30 | ADR_VALIDATE_REQUEST);
    expect_only("\"value\" property must have required property \"pw\"", 7, 7);
}

Test(schema, read_only_through_all_of)
{
    const char *doc = "components:\n  Base: {properties: {id: {readOnly: true}}}\n"
                      "schema:\n  allOf: [{$ref: '#/components/Base'}]\n  required: [id]\n"
                      "value: {}\n";
    expect_valid(doc, D30 | ADR_VALIDATE_REQUEST);
}
