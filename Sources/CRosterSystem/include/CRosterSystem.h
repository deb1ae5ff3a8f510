#ifndef CROSTERSYSTEM_H
#define CROSTERSYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0 or -1 with errno.
int roster_exchange_paths(const char *first, const char *second);

/// Returns memory the C library holds freed to the system (glibc's malloc_trim); 0 elsewhere.
int roster_release_free_memory(void);

#endif
