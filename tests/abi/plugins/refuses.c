/* A plugin whose entry point refuses the host. */
#include "adrlint/plugin.h"

const adr_plugin *adr_plugin_v1(const adr_host *host)
{
    (void)host;
    return NULL;
}
