# Sourced by ./quartz and the product tests: JVM options that fit the process's virtual memory
# limit (ulimit -v). Without a limit the JVM's defaults stand. Under one, the JVM would reserve
# more address space than allowed (a heap of a quarter of the RAM, 1 GB of class space, 240 MB
# of code cache) and die before main; these options shrink the reservations to fit.
#
# jvm_memory_options: appends to the array jvm_options; prints one line and returns 1 when the
# limit is too low for any JVM to run the compiler.
QUARTZ_MIN_VIRTUAL_MB=600

jvm_memory_options() {
    local limit
    limit=$(ulimit -v)
    [ "$limit" = unlimited ] && return 0
    local mb=$((limit / 1024))
    if [ "$mb" -lt "$QUARTZ_MIN_VIRTUAL_MB" ]; then
        echo "quartz: the virtual memory limit (ulimit -v) is $mb MB; the compiler needs at least $QUARTZ_MIN_VIRTUAL_MB MB" >&2
        return 1
    fi
    # The compiler's thread falls back to a smaller stack when its big one does not fit
    # (QuartzCli); the JVM's warning about the failed attempt is noise.
    jvm_options+=(-Xmx$((mb / 4))m -XX:CompressedClassSpaceSize=64m -XX:ReservedCodeCacheSize=32m -XX:+UseSerialGC
        -Xlog:os+thread=off)
}
