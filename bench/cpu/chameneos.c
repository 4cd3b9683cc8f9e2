/* chameneos-redux (the Benchmarks Game program): creatures (POSIX threads) of colour blue, red
 * or yellow go to one meeting place again and again; there each meets another creature or
 * waits for one, and both take the complement of their two colours. After n meetings every
 * creature stops. Run with 3 creatures, then with 10.
 *
 * The meeting place is one atomic word: the meetings still to happen (bits 8 and up) and the
 * creature waiting there, if any (bits 0-7: (id+1)*4 + colour, 0 = nobody). A creature that
 * finds nobody puts itself there (compare-and-swap) and waits for its own mailbox word to be
 * filled: it spins a little, then marks the mailbox as sleeping (-1) and sleeps on its own
 * semaphore. One that finds somebody takes it away, counts the meeting down, and writes its id
 * and colour into the waiting one's mailbox, posting the semaphore if the waiter sleeps. The
 * Quartz and Go versions do the same, with a channel of capacity 1 as the mailbox (which parks
 * the waiting task or goroutine).
 *
 * Prints what does not depend on scheduling (the complements, each run's colours, the times
 * each creature met itself, spelled, and the spelled total of meetings); how many meetings
 * each creature had varies from run to run and goes to stderr.
 * Usage: chameneos [n]   (default 600)                     cc -O2 chameneos.c -lpthread */
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { BLUE, RED, YELLOW };
static const char *colour_names[] = {"blue", "red", "yellow"};
static const char *digit_names[] = {"zero", "one", "two", "three", "four",
                                    "five", "six", "seven", "eight", "nine"};

static int complement(int a, int b) { return a == b ? a : 3 - a - b; }

/* writes n spelled digit by digit, each after a space, into buf */
static char *spell(long n, char *buf)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%ld", n);
    buf[0] = '\0';
    for (char *d = digits; *d; d++) {
        strcat(buf, " ");
        strcat(buf, digit_names[*d - '0']);
    }
    return buf;
}

#define MAX_CREATURES 10

typedef struct {
    _Atomic long *place;
    _Atomic long *mailboxes; /* one word per creature: 0 = empty, -1 = its owner sleeps */
    sem_t *sems;             /* one per creature, posted when its owner sleeps */
    int id, colour;
    long meetings, same;
} creature_t;

#define SPIN 100

/* waits until *box holds a value (> 0), takes it and empties the box */
static long wait_mail(_Atomic long *box, sem_t *sem)
{
    long p;
    for (int i = 0; i < SPIN; i++) {
        if ((p = atomic_load(box)) > 0) {
            atomic_store(box, 0);
            return p;
        }
        __builtin_ia32_pause();
    }
    long empty = 0;
    if (atomic_compare_exchange_strong(box, &empty, -1)) {
        while (sem_wait(sem) != 0)
            ; /* EINTR */
    }
    p = atomic_load(box);
    atomic_store(box, 0);
    return p;
}

static void *creature(void *arg)
{
    creature_t *c = arg;
    int colour = c->colour;
    long meetings = 0, same = 0;
    long me = (c->id + 1) * 4;
    for (;;) {
        long s = atomic_load(c->place);
        if (s >> 8 == 0)
            break;
        long w = s & 255;
        if (w == 0) {
            if (atomic_compare_exchange_weak(c->place, &s, s | (me + colour))) {
                long p = wait_mail(&c->mailboxes[c->id], &c->sems[c->id]);
                if (p / 4 - 1 == c->id)
                    same++;
                colour = complement(colour, (int)(p % 4));
                meetings++;
            }
        } else if (atomic_compare_exchange_weak(c->place, &s, ((s >> 8) - 1) << 8)) {
            int other = (int)(w / 4 - 1);
            if (atomic_exchange(&c->mailboxes[other], me + colour) == -1)
                sem_post(&c->sems[other]);
            if (other == c->id)
                same++;
            colour = complement(colour, (int)(w % 4));
            meetings++;
        }
    }
    c->meetings = meetings;
    c->same = same;
    return NULL;
}

static void run(const int *colours, int count, long n)
{
    char buf[256];
    for (int i = 0; i < count; i++)
        printf(" %s", colour_names[colours[i]]);
    printf("\n");
    _Atomic long place = n << 8;
    _Atomic long mailboxes[MAX_CREATURES];
    sem_t sems[MAX_CREATURES];
    creature_t cs[MAX_CREATURES];
    pthread_t threads[MAX_CREATURES];
    for (int i = 0; i < count; i++) {
        atomic_init(&mailboxes[i], 0);
        sem_init(&sems[i], 0, 0);
        cs[i] = (creature_t){&place, mailboxes, sems, i, colours[i], 0, 0};
    }
    for (int i = 0; i < count; i++)
        if (pthread_create(&threads[i], NULL, creature, &cs[i]) != 0) {
            perror("pthread_create");
            exit(1);
        }
    long total = 0;
    for (int i = 0; i < count; i++) {
        pthread_join(threads[i], NULL);
        total += cs[i].meetings;
        printf("%s\n", spell(cs[i].same, buf));
        fprintf(stderr, "%ld%s\n", cs[i].meetings, buf);
        sem_destroy(&sems[i]);
    }
    printf("%s\n\n", spell(total, buf));
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 600;
    for (int x = BLUE; x <= YELLOW; x++)
        for (int y = BLUE; y <= YELLOW; y++)
            printf("%s + %s -> %s\n", colour_names[x], colour_names[y], colour_names[complement(x, y)]);
    printf("\n");
    static const int first[] = {BLUE, RED, YELLOW};
    static const int second[] = {BLUE, RED, YELLOW, RED, YELLOW, BLUE, RED, YELLOW, RED, BLUE};
    run(first, 3, n);
    run(second, 10, n);
    return 0;
}
