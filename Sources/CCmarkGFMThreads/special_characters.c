#define _GNU_SOURCE
#include "CCmarkGFMThreads.h"
#include <dlfcn.h>
#include <stdatomic.h>

typedef void (*manage_function)(void *parser, int add);

static atomic_long calls;
static atomic_bool pinned;

/// The library's own function: the next definition after this one in the lookup order.
static manage_function library_function(void) {
    return (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
}

/// Replaces the library's function of the same name (see the header).
void cmark_manage_extensions_special_characters(void *parser, int add) {
    atomic_fetch_add(&calls, 1);
    if (atomic_load(&pinned)) return;
    manage_function original = library_function();
    if (original) original(parser, add);
}

bool roster_cmark_pin_special_characters(void *parser) {
    manage_function original = library_function();
    if (!original) return false;
    original(parser, 1);
    atomic_store(&pinned, true);
    return true;
}

long roster_cmark_table_calls(void) {
    return atomic_load(&calls);
}
