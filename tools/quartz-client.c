/*
 * The client of the compile server (org.quartz.cli.CompileServer), which ./quartz builds with cc
 * and runs for `check`, `build` and `run`: a JVM would spend longer starting than a warm server
 * spends compiling a small program.
 *
 * usage: quartz-client SOCKET LOG N SERVER_COMMAND(N words) M FALLBACK_COMMAND(M words) ARGS...
 *
 * Sends the working folder, the environment and ARGS to the server listening on SOCKET, copies
 * its answer to stdout and stderr, and exits with its exit code; for `quartz run` the server
 * answers with the program to run, which replaces this process. When no server answers, it
 * starts one (SERVER_COMMAND, its output appended to LOG; one client at a time, under a lock file
 * beside the socket). When none can be had, or the server stops before answering, it runs
 * FALLBACK_COMMAND ARGS instead (the compiler in a JVM of its own), so the command still works.
 * The protocol is org.quartz.cli.ServerProtocol's.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAGIC 0x515A5331u
#define START_TIMEOUT_MS 30000
#define POLL_MS 10
#define EXIT_INTERNAL_ERROR 3

extern char **environ;

static const char *log_path;
static char **fallback; /* FALLBACK_COMMAND followed by ARGS, NULL-terminated */

static void run_fallback(void) {
    execvp(fallback[0], fallback);
    fprintf(stderr, "quartz: cannot run %s: %s\n", fallback[0], strerror(errno));
    exit(EXIT_INTERNAL_ERROR);
}

static int connect_to(const char *socket_path) {
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    if (strlen(socket_path) >= sizeof address.sun_path) {
        return -1;
    }
    strcpy(address.sun_path, socket_path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -1;
    }
    if (connect(fd, (struct sockaddr *)&address, sizeof address) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static long now_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec * 1000L + now.tv_nsec / 1000000L;
}

/* Starts a server in a session of its own (the terminal's Ctrl-C must not reach it); its connection, or -1. */
static int start_server(const char *socket_path, char **server_command) {
    char lock_path[4096];
    snprintf(lock_path, sizeof lock_path, "%s.lock", socket_path);
    int lock = open(lock_path, O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
    if (lock < 0 || flock(lock, LOCK_EX) != 0) {
        return -1;
    }
    int fd = connect_to(socket_path); /* another client may have started one meanwhile */
    if (fd >= 0) {
        close(lock);
        return fd;
    }
    pid_t server = fork();
    if (server == 0) {
        setsid();
        int in = open("/dev/null", O_RDONLY);
        int out = open(log_path, O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (in < 0 || out < 0) {
            _exit(EXIT_INTERNAL_ERROR);
        }
        dup2(in, 0);
        dup2(out, 1);
        dup2(out, 2);
        execvp(server_command[0], server_command);
        _exit(EXIT_INTERNAL_ERROR);
    }
    long deadline = now_ms() + START_TIMEOUT_MS;
    while (server > 0 && now_ms() < deadline) {
        fd = connect_to(socket_path);
        if (fd >= 0) {
            break;
        }
        if (waitpid(server, NULL, WNOHANG) == server) { /* it exited: it will not answer */
            break;
        }
        usleep(POLL_MS * 1000);
    }
    if (fd < 0 && server > 0 && waitpid(server, NULL, WNOHANG) == 0) {
        kill(server, SIGTERM);
    }
    close(lock);
    return fd;
}

/* A buffered request: everything is sent in one write. */
static char *request;
static size_t request_length, request_capacity;

static void put(const void *bytes, size_t length) {
    if (request_length + length > request_capacity) {
        request_capacity = (request_length + length) * 2;
        request = realloc(request, request_capacity);
        if (request == NULL) {
            fprintf(stderr, "quartz: out of memory\n");
            exit(EXIT_INTERNAL_ERROR);
        }
    }
    memcpy(request + request_length, bytes, length);
    request_length += length;
}

static void put_int(uint32_t value) {
    uint32_t big_endian = htonl(value);
    put(&big_endian, 4);
}

static void put_string(const char *text) {
    put_int((uint32_t)strlen(text));
    put(text, strlen(text));
}

static int write_all(int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t n = write(fd, bytes, length);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return -1;
        }
        bytes += n;
        length -= (size_t)n;
    }
    return 0;
}

/* Reads exactly length bytes; -1 at the end of the stream or on an error. */
static int read_all(int fd, void *buffer, size_t length) {
    char *bytes = buffer;
    while (length > 0) {
        ssize_t n = read(fd, bytes, length);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return -1;
        }
        bytes += n;
        length -= (size_t)n;
    }
    return 0;
}

static int read_int(int fd, uint32_t *value) {
    uint32_t big_endian;
    if (read_all(fd, &big_endian, 4) != 0) {
        return -1;
    }
    *value = ntohl(big_endian);
    return 0;
}

static void stopped(int answered) {
    if (!answered) { /* nothing was done: the compiler in a JVM of its own does it instead */
        fprintf(stderr, "quartz: the compile server stopped (see %s); compiling in this process\n", log_path);
        run_fallback();
    }
    fprintf(stderr, "quartz: the compile server stopped before it finished (see %s)\n", log_path);
    exit(EXIT_INTERNAL_ERROR);
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: quartz-client SOCKET LOG N SERVER_COMMAND... M FALLBACK_COMMAND... ARGS...\n");
        return 2;
    }
    const char *socket_path = argv[1];
    log_path = argv[2];
    int server_words = atoi(argv[3]);
    if (server_words < 1 || 4 + server_words >= argc) {
        fprintf(stderr, "quartz-client: bad server command\n");
        return 2;
    }
    char **server_command = malloc(sizeof(char *) * (size_t)(server_words + 1));
    memcpy(server_command, argv + 4, sizeof(char *) * (size_t)server_words);
    server_command[server_words] = NULL;
    int next = 4 + server_words;
    int fallback_words = atoi(argv[next++]);
    if (fallback_words < 1 || next + fallback_words > argc) {
        fprintf(stderr, "quartz-client: bad fallback command\n");
        return 2;
    }
    char **args = argv + next + fallback_words;
    int arg_count = argc - next - fallback_words;
    fallback = malloc(sizeof(char *) * (size_t)(fallback_words + arg_count + 1));
    memcpy(fallback, argv + next, sizeof(char *) * (size_t)fallback_words);
    memcpy(fallback + fallback_words, args, sizeof(char *) * (size_t)arg_count);
    fallback[fallback_words + arg_count] = NULL;

    int fd = connect_to(socket_path);
    if (fd < 0) {
        fd = start_server(socket_path, server_command);
    }
    if (fd < 0) {
        fprintf(stderr, "quartz: the compile server did not start (see %s); compiling in this process\n", log_path);
        run_fallback();
    }

    char *working_dir = getcwd(NULL, 0);
    if (working_dir == NULL) {
        run_fallback(); /* the folder is gone; let the compiler report what it can */
    }
    put_int(MAGIC);
    put_string(working_dir);
    uint32_t variables = 0;
    for (char **variable = environ; *variable != NULL; variable++) {
        if (strchr(*variable, '=') != NULL) {
            variables++;
        }
    }
    put_int(variables);
    for (char **variable = environ; *variable != NULL; variable++) {
        char *equals = strchr(*variable, '=');
        if (equals != NULL) {
            put_int((uint32_t)(equals - *variable));
            put(*variable, (size_t)(equals - *variable));
            put_string(equals + 1);
        }
    }
    put_int((uint32_t)arg_count);
    for (int i = 0; i < arg_count; i++) {
        put_string(args[i]);
    }
    signal(SIGPIPE, SIG_IGN); /* a server gone shows as a failed write instead */
    if (write_all(fd, request, request_length) != 0) {
        stopped(0);
    }

    static char buffer[1 << 16];
    int answered = 0;
    for (;;) {
        unsigned char kind;
        if (read_all(fd, &kind, 1) != 0) {
            stopped(answered);
        }
        answered = 1;
        uint32_t value;
        if (read_int(fd, &value) != 0) {
            stopped(answered);
        }
        if (kind == 'O' || kind == 'E') {
            int to = kind == 'O' ? 1 : 2;
            while (value > 0) {
                size_t chunk = value < sizeof buffer ? value : sizeof buffer;
                if (read_all(fd, buffer, chunk) != 0) {
                    stopped(answered);
                }
                write_all(to, buffer, chunk); /* a closed stdout (| head) is the reader's choice */
                value -= (uint32_t)chunk;
            }
        } else if (kind == 'X') {
            return (int)value;
        } else if (kind == 'R' && value > 0 && value < 65536) {
            char **command = calloc(value + 1, sizeof(char *));
            for (uint32_t i = 0; i < value; i++) {
                uint32_t length;
                if (read_int(fd, &length) != 0 || (command[i] = malloc(length + 1)) == NULL ||
                    read_all(fd, command[i], length) != 0) {
                    stopped(answered);
                }
                command[i][length] = '\0';
            }
            close(fd);
            signal(SIGPIPE, SIG_DFL);
            execv(command[0], command);
            fprintf(stderr, "error: cannot run %s: %s\n", command[0], strerror(errno));
            return 1;
        } else {
            stopped(answered);
        }
    }
}
