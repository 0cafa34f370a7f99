/* A plugin that needs host functions this host does not have. */
#include "adrlint/plugin.h"

static const adr_plugin plugin = {
    sizeof(adr_plugin), ADR_PLUGIN_ABI_MAJOR, 99, "test-minor", "1", "test", 0, NULL};

const adr_plugin *adr_plugin_v1(const adr_host *host)
{
    (void)host;
    return &plugin;
}
