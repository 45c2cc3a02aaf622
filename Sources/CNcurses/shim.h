// The only C in CaseDesk: ncursesw with wide-character support, plus static
// inline wrappers for the macros, variadics and globals Swift cannot import.
#ifndef CASEDESK_NCURSES_SHIM_H
#define CASEDESK_NCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

static inline WINDOW *cd_stdscr(void) { return stdscr; }
static inline int cd_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int cd_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cd_ok(void) { return OK; }

static inline int cd_a_bold(void) { return (int)A_BOLD; }
static inline int cd_a_reverse(void) { return (int)A_REVERSE; }
static inline int cd_a_underline(void) { return (int)A_UNDERLINE; }
static inline int cd_a_dim(void) { return (int)A_DIM; }
static inline int cd_a_normal(void) { return (int)A_NORMAL; }

/// Whether the current locale's character set is UTF-8 (so wide characters reach the terminal).
static inline int cd_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/// newterm on the process's own stdout and stdin (Swift cannot read those globals).
/// Returns NULL, instead of exiting as initscr does, when the terminal is unusable.
static inline SCREEN *cd_newterm(const char *term) { return newterm(term, stdout, stdin); }

/// Reads one wide character or function key into *out; returns OK, KEY_CODE_YES or ERR.
static inline int cd_get_wch(unsigned int *out) {
    wint_t ch = 0;
    int rc = get_wch(&ch);
    *out = (unsigned int)ch;
    return rc;
}

static inline void cd_getmaxyx(WINDOW *win, int *y, int *x) {
    int yy, xx;
    getmaxyx(win, yy, xx);
    *y = yy;
    *x = xx;
}

/// Best effort after a crash: give the terminal back, then die of the same signal.
static void cd_crash_handler(int sig) {
    endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void cd_endwin_at_exit(void) {
    if (!isendwin()) endwin();
}

/// Restores the terminal on exit() and on crash signals (a Swift trap runs no defer).
static inline void cd_install_restore_hooks(void) {
    atexit(cd_endwin_at_exit);
    signal(SIGSEGV, cd_crash_handler);
    signal(SIGILL, cd_crash_handler);
    signal(SIGTRAP, cd_crash_handler);
    signal(SIGABRT, cd_crash_handler);
    signal(SIGBUS, cd_crash_handler);
    signal(SIGFPE, cd_crash_handler);
}

#endif
