/* Daemon log lines on stderr: a timestamp, a fixed event word, then
 * key=value pairs, so logs can be grepped and parsed. */
#ifndef SEEKD_DAEMON_LOG_H
#define SEEKD_DAEMON_LOG_H

void log_event(const char *event, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
