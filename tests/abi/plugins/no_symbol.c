/* A shared object without the adr_plugin_v1 entry point. */
__attribute__((visibility("default"))) int not_a_plugin(void);
int not_a_plugin(void)
{
    return 42;
}
