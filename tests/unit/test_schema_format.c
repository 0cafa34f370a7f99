/* core/schema: the formats, the ECMA-262 to PCRE2 translation and number
 * printing. */
#include "schema_harness.h"
#include "schema/internal.h"

TestSuite(format, .fini = teardown_schema);

typedef struct fcase {
    const char *format;
    const char *value;
    int valid;
} fcase;

static const fcase string_cases[] = {
    {"date", "2024-02-29", 1},
    {"date", "2000-02-29", 1},
    {"date", "1900-02-29", 0},
    {"date", "2024-13-01", 0},
    {"date", "2024-04-31", 0},
    {"date", "2024-4-01", 0},
    {"date", "20240401", 0},
    {"date-time", "2024-03-01T10:00:00Z", 1},
    {"date-time", "2024-03-01t10:00:00.123+01:00", 1},
    {"date-time", "2024-03-01 10:00:00-05:30", 1},
    {"date-time", "2024-03-01T10:00:00", 0}, /* RFC 3339 needs the offset */
    {"date-time", "2024-03-01T10:00:00+0100", 0},
    {"date-time", "2024-03-01T24:00:00Z", 0},
    {"date-time", "2016-12-31T23:59:60Z", 1},
    {"date-time", "2016-12-31T22:59:60Z", 0},
    {"date-time", "2024-03-01", 0},
    {"time", "10:00:00Z", 1},
    {"time", "23:59:60+00:00", 1},
    {"time", "01:29:60+01:30", 1},
    {"time", "10:00:00.5-02:00", 1},
    {"time", "10:00:00", 0},
    {"time", "10:00Z", 0},
    {"time", "10:60:00Z", 0},
    {"email", "jan@voorbeeld.nl", 1},
    {"email", "jan.de.vries+post@mail.voorbeeld.nl", 1},
    {"email", "jan@localhost", 0},
    {"email", "jan..vries@voorbeeld.nl", 0},
    {"email", ".jan@voorbeeld.nl", 0},
    {"email", "jan@-voorbeeld.nl", 0},
    {"email", "jan voorbeeld.nl", 0},
    {"uri", "https://voorbeeld.nl/api/v1/boeken?pagina=2#top", 1},
    {"uri", "urn:isbn:9789023464605", 1},
    {"uri", "mailto:jan@voorbeeld.nl", 1},
    {"uri", "https://[2001:db8::1]:8443/", 1},
    {"uri", "https://user:pw@host.nl/a%20b", 1},
    {"uri", "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#/10.4.1", 1},
    {"uri", "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#/10.4.1 400 Bad Request", 0},
    {"uri", "/relative/path", 0},
    {"uri", "https://voorbeeld.nl/a%zz", 0},
    {"uri", "https://host:port/", 0},
    {"uri", "http://exa mple.nl/", 0},
    {"uri-reference", "/relative/path?x=1", 1},
    {"uri-reference", "../up#frag", 1},
    {"uri-reference", "", 1},
    {"uri-reference", "https://voorbeeld.nl", 1},
    {"uri-reference", "a:b", 1},
    {"uri-reference", "1a:b", 0},
    {"uri-reference", "with space", 0},
    {"uuid", "123e4567-e89b-12d3-a456-426614174000", 1},
    {"uuid", "123E4567-E89B-12D3-A456-426614174000", 1},
    {"uuid", "123e4567e89b12d3a456426614174000", 0},
    {"uuid", "urn:uuid:123e4567-e89b-12d3-a456-426614174000", 0},
    {"ipv4", "192.168.0.1", 1},
    {"ipv4", "256.1.1.1", 0},
    {"ipv4", "01.1.1.1", 0},
    {"ipv4", "1.1.1", 0},
    {"ipv6", "::1", 1},
    {"ipv6", "::", 1},
    {"ipv6", "2001:db8::8a2e:370:7334", 1},
    {"ipv6", "2001:0db8:0000:0000:0000:ff00:0042:8329", 1},
    {"ipv6", "::ffff:192.0.2.128", 1},
    {"ipv6", "1::2::3", 0},
    {"ipv6", "12345::", 0},
    {"ipv6", "1:2:3:4:5:6:7:8:9", 0},
    {"ipv6", "1:2:3:4:5:6:7", 0},
    {"ipv6", ":1:2:3:4:5:6:7", 0},
    {"hostname", "api.voorbeeld.nl", 1},
    {"hostname", "localhost", 1},
    {"hostname", "voorbeeld.nl.", 1},
    {"hostname", "-voorbeeld.nl", 0},
    {"hostname", "voor_beeld.nl", 0},
    {"hostname", "a..b", 0},
    {"hostname", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.nl", 0},
    {"byte", "TWFu", 1},
    {"byte", "TWE=", 1},
    {"byte", "TQ==", 1},
    {"byte", "", 1},
    {"byte", "TWF", 0},
    {"byte", "T===", 0},
    {"byte", "TW=u", 0},
    {"byte", "TW u", 0},
};

Test(format, string_formats)
{
    for (size_t i = 0; i < sizeof string_cases / sizeof string_cases[0]; i++) {
        const fcase *c = &string_cases[i];
        cr_expect_eq(adr_schema_format_string(c->format, c->value, strlen(c->value)), c->valid,
                     "%s \"%s\" should be %s", c->format, c->value, c->valid ? "valid" : "invalid");
    }
}

Test(format, unknown_and_numeric_formats_are_not_string_formats)
{
    cr_expect_eq(adr_schema_format_string("binary", "anything", 8), -1);
    cr_expect_eq(adr_schema_format_string("int32", "1", 1), -1);
}

Test(format, numeric_formats)
{
    static const struct {
        const char *format;
        const char *yaml;
        int valid;
    } cases[] = {
        {"int32", "2147483647", 1},
        {"int32", "-2147483648", 1},
        {"int32", "2147483648", 0},
        {"int32", "1.5", 0},
        {"int32", "7.0", 1},
        {"int64", "9223372036854775807", 1},
        {"int64", "9223372036854775808", 0},
        {"int64", "-9223372036854775808", 1},
        {"float", "3.4e38", 1},
        {"float", "3.5e38", 0},
        {"double", "1.7e308", 1},
        {"double", "1", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        adr_doc *doc = load(cases[i].yaml, NULL);
        cr_expect_eq(adr_schema_format_number(cases[i].format, doc->root), cases[i].valid, "%s %s",
                     cases[i].format, cases[i].yaml);
    }
}

Test(format, failure_message)
{
    cr_expect_eq(check("schema: {type: string, format: email}\nvalue: 'geen e-mail'\n", D30), 0);
    expect_only("\"value\" property must match format \"email\"", 2, 8);
}

static void translates(const char *ecma, const char *pcre)
{
    adr_buf b;
    adr_buf_init(&b);
    cr_expect(adr_schema_ecma_to_pcre2(ecma, strlen(ecma), &b), "%s should translate", ecma);
    cr_expect_str_eq(b.data ? b.data : "", pcre, "%s", ecma);
    adr_buf_free(&b);
}

static void untranslatable(const char *ecma)
{
    adr_buf b;
    adr_buf_init(&b);
    cr_expect_not(adr_schema_ecma_to_pcre2(ecma, strlen(ecma), &b), "%s", ecma);
    adr_buf_free(&b);
}

Test(format, ecma_to_pcre2)
{
    translates("^\\d{4}$", "^\\d{4}$");
    translates("\\/v1\\-x", "\\/v1\\-x");
    translates("a.b", "a[^\\n\\r\\x{2028}\\x{2029}]b");
    translates("\\u00e9", "\\x{e9}");
    translates("\\ud83d\\ude00", "\\x{1f600}");
    translates("\\x41", "\\x{41}");
    translates("\\v", "\\x{0b}");
    translates("\\a\\e\\g", "aeg"); /* identity escapes, not BEL/ESC/backref */
    translates("[^]", "[\\s\\S]");
    translates("[]", "(?!)");
    translates("[[:a]", "[\\[:a]");
    translates("\\cJ", "\\x{a}");
    translates("[\\B]", "[B]");
    translates("\\s", "[\\s\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}"
                      "\\x{3000}\\x{feff}]");
    untranslatable("\\ud800");
    untranslatable("abc\\");
    untranslatable("[abc");
}

Test(format, ecma_semantics_end_to_end)
{
    /* \s knows the no-break space; . does not match a line separator */
    expect_valid("schema: {pattern: '^a\\sb$'}\nvalue: \"a\\u00a0b\"\n", D30);
    expect_invalid("schema: {pattern: '^a.b$'}\nvalue: \"a\\u2028b\"\n", D30,
                   "\"value\" property must match pattern \"^a.b$\"", 2, 8);
    expect_valid("schema: {pattern: '^[^]$'}\nvalue: \"\\n\"\n", D30);
}

Test(format, js_numbers)
{
    static const struct {
        const char *yaml;
        const char *js;
    } cases[] = {
        {"1", "1"},
        {"1.0", "1"},
        {"0.1", "0.1"},
        {"1e21", "1e+21"},
        {"1e20", "100000000000000000000"},
        {"1.5e-7", "1.5e-7"},
        {"0.000001", "0.000001"},
        {"-2.50", "-2.5"},
        {"0x1F", "31"},
        {"123456789012", "123456789012"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        adr_doc *doc = load(cases[i].yaml, NULL);
        snum v;
        cr_assert(adr_snum_parse(doc->root, &v), "%s", cases[i].yaml);
        char out[64];
        adr_snum_js(&v, out, sizeof out);
        cr_expect_str_eq(out, cases[i].js, "%s", cases[i].yaml);
    }
}
