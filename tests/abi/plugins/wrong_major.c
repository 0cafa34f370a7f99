/* A plugin built for a future, incompatible plugin ABI. */
#include "adrlint/plugin.h"

static const adr_plugin plugin = {
    sizeof(adr_plugin), ADR_PLUGIN_ABI_MAJOR + 1, 0, "test-major", "1", "test", 0, NULL};

const adr_plugin *adr_plugin_v1(const adr_host *host)
{
    (void)host;
    return &plugin;
}
