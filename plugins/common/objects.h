/* Helpers about OpenAPI objects and the place they are written at, shared
 * by the rule plugins (part of the adrlint_rules static library). */
#ifndef ADR_PLUGIN_OBJECTS_H
#define ADR_PLUGIN_OBJECTS_H

#include "rules.h"

/* The object as written where the visit found it: the Reference Object when
 * a $ref led there, the object itself otherwise. Findings about the key an
 * object sits under go here, so that two keys referencing one object give
 * two findings at two places, as Spectral reports them. */
const adr_node *adr_r_written(const adr_visit *v);

/* 1 when key is a specification extension ("x-..."). */
bool adr_r_is_extension(const adr_host *h, const adr_node *key);

/* 1 when key is one of the eight HTTP methods OAS 3.0/3.1 Path Items have a
 * fixed field for (get put post delete options head patch trace), spelled
 * as OAS spells them (lower case). */
bool adr_r_is_oas_method(const adr_host *h, const adr_node *key);

#endif
