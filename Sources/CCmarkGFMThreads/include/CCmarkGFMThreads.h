#ifndef CCMARKGFMTHREADS_H
#define CCMARKGFMTHREADS_H

#include <stdbool.h>

/// cmark-gfm 0.29.0.gfm.6 keeps one process-wide table of the characters that stop inline text
/// (`~` for strikethrough, `:` and `w` for autolinks). `cmark_parser_finish` adds its parser's
/// extension characters to it before parsing inlines and removes them right after, so one parser
/// finishing clears the table under another that is still parsing (github/cmark-gfm PR #176).
///
/// This file defines `cmark_manage_extensions_special_characters`, which the library exports and
/// calls through its procedure linkage table, so the dynamic linker sends the library's own calls
/// here. Once `roster_cmark_pin_special_characters` has run, the table is set for good and every
/// later add or remove is ignored: all of Roster's parsers use the same extensions, so the table
/// they need is always the same, and inline parsing runs on every core without a lock.

/// Adds the parser's extension characters to the table for the life of the process (through the
/// library's own function) and stops every later change. Returns false if the library's function
/// cannot be found.
bool roster_cmark_pin_special_characters(void *parser);

/// How many times the library has called the function defined here. If a parse does not raise
/// it, the linker did not route the call here, the table is not pinned, and parsing must be
/// serialised instead.
long roster_cmark_table_calls(void);

#endif
