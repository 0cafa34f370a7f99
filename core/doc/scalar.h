#ifndef ADR_SCALAR_H
#define ADR_SCALAR_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/util.h"

/* Styles, numbered as libfyaml's enum fy_scalar_style. */
enum {
    ADR_SCALAR_PLAIN = 0,
    ADR_SCALAR_SINGLE,
    ADR_SCALAR_DOUBLE,
    ADR_SCALAR_LITERAL,
    ADR_SCALAR_FOLDED
};

/* Decodes the scalar whose token spans buf[start, end) (quotes excluded; a
 * block scalar's content, its header on the line before). indent is the
 * content indentation of a block scalar whose header gives one (the
 * header's digit plus the parent's indentation; 0 when it has none). The
 * result lives in arena and is not NUL-terminated; NULL when the form is
 * not handled (the caller falls back to libfyaml) or on OOM. */
const char *adr_scalar_decode(adr_arena *arena, const char *buf, size_t size, size_t start,
                              size_t end, int style, size_t indent, size_t *len);

/* Offset of the | or > that introduces the block scalar whose content
 * starts at start (the line after its header), or SIZE_MAX. */
size_t adr_block_indicator(const char *buf, size_t size, size_t start);

#endif
