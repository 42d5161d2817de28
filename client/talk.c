/* One request, one answer. poll() bounds every wait so a stuck daemon makes
 * the client fail with a message instead of hanging a script. */
#include "talk.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define MAX_ANSWER (512L << 20)

static int wait_for(int fd, short events, int timeout_ms)
{
    struct pollfd p = { fd, events, 0 };
    int r;
    do
        r = poll(&p, 1, timeout_ms);
    while (r < 0 && errno == EINTR);
    return r;
}

static int send_all(int fd, const char *p, size_t n, int timeout_ms)
{
    while (n) {
        if (wait_for(fd, POLLOUT, timeout_ms) <= 0)
            return -1;
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

char *talk(const char *socket_path, const char *req, size_t len, int timeout_ms,
           char *err, size_t errcap)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    if (strlen(socket_path) >= sizeof sa.sun_path) {
        snprintf(err, errcap, "socket path too long: %s", socket_path);
        return NULL;
    }
    memcpy(sa.sun_path, socket_path, strlen(socket_path) + 1);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        snprintf(err, errcap, "socket: %s", strerror(errno));
        return NULL;
    }
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        snprintf(err, errcap, "cannot connect to seekd at %s: %s%s", socket_path,
                 strerror(errno),
                 errno == ENOENT || errno == ECONNREFUSED ? " (is seekd running?)" : "");
        close(fd);
        return NULL;
    }
    /* A daemon that refuses a client (busy, forbidden) answers at once and
     * hangs up, so a failed send still reads what the daemon said. */
    int sent = send_all(fd, req, len, timeout_ms) == 0 && send_all(fd, "\n", 1, timeout_ms) == 0;
    int send_errno = errno;
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        int r = wait_for(fd, POLLIN, timeout_ms);
        if (r <= 0) {
            if (!sent)
                snprintf(err, errcap, "cannot send the request: %s",
                         send_errno ? strerror(send_errno) : "timed out");
            else
                snprintf(err, errcap, "no answer from seekd within %d ms", timeout_ms);
            break;
        }
        if (n + 1 >= cap) {
            char *grown = cap < (size_t)MAX_ANSWER ? realloc(buf, cap * 2) : NULL;
            if (!grown) {
                snprintf(err, errcap, "answer too large");
                break;
            }
            buf = grown;
            cap *= 2;
        }
        ssize_t got = recv(fd, buf + n, cap - n - 1, 0);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            if (!sent)
                snprintf(err, errcap, "cannot send the request: %s",
                         send_errno ? strerror(send_errno) : "timed out");
            else
                snprintf(err, errcap, "seekd closed the connection without answering");
            break;
        }
        char *nl = memchr(buf + n, '\n', (size_t)got);
        n += (size_t)got;
        if (nl) {
            *nl = '\0';
            close(fd);
            return buf;
        }
    }
    free(buf);
    close(fd);
    return NULL;
}
