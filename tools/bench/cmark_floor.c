/* The floor of the Markdown phase: cmark-gfm's own CPU time for the bodies Roster renders.
 *
 *   cmark_floor FILE...      (Markdown files with front matter; prints seconds of CPU)
 *
 * Each body is parsed and rendered the way Roster does it (one parser per body, the same five
 * extensions, footnotes, UTF-8 validation), on one core, with the files read before timing starts.
 * Prints "feed F finish I render R total T" in seconds of CPU time. Built by tools/bench/run.py. */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* The body: what follows the second line that is exactly "---". */
static const char *body_of(const char *text) {
    if (strncmp(text, "---\n", 4) != 0) return text;
    const char *end = strstr(text + 4, "\n---\n");
    return end ? end + 5 : text;
}

int main(int argc, char **argv) {
    static const char *names[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};
    char **bodies = calloc((size_t)argc, sizeof(char *));
    for (int i = 1; i < argc; i++) {
        FILE *file = fopen(argv[i], "rb");
        if (!file) { perror(argv[i]); return 1; }
        fseek(file, 0, SEEK_END);
        long size = ftell(file);
        fseek(file, 0, SEEK_SET);
        bodies[i] = malloc((size_t)size + 1);
        size_t got = fread(bodies[i], 1, (size_t)size, file);
        bodies[i][got] = 0;
        fclose(file);
    }
    cmark_gfm_core_extensions_ensure_registered();
    int options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8;
    double feed = 0, finish = 0, render = 0;
    for (int i = 1; i < argc; i++) {
        const char *body = body_of(bodies[i]);
        double t0 = cpu_now();
        cmark_parser *parser = cmark_parser_new(options);
        for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++)
            cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(names[k]));
        cmark_parser_feed(parser, body, strlen(body));
        double t1 = cpu_now();
        cmark_node *document = cmark_parser_finish(parser);
        double t2 = cpu_now();
        char *html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser));
        cmark_get_default_mem_allocator()->free(html);
        cmark_node_free(document);
        cmark_parser_free(parser);
        double t3 = cpu_now();
        feed += t1 - t0;
        finish += t2 - t1;
        render += t3 - t2;
    }
    printf("feed %.3f finish %.3f render %.3f total %.3f\n", feed, finish, render, feed + finish + render);
    return 0;
}
