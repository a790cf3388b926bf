#!/bin/sh
# Ends a process a test started once the test process that started it is gone (the run was
# killed, or crashed) or a deadline has passed, so an aborted test run leaves nothing running
# behind it. It ends with that process.
#   sh watchdog.sh <test process id> <child process id> <deadline in seconds>
# TERM first, then KILL two seconds later: a stopped (SIGSTOP) redis-server does not act on TERM.
exec </dev/null >/dev/null 2>&1
parent=$1
child=$2
left=$3
while kill -0 "$child" 2>/dev/null; do
    if ! kill -0 "$parent" 2>/dev/null || [ "$left" -le 0 ]; then
        kill -TERM "$child" 2>/dev/null
        sleep 2
        kill -KILL "$child" 2>/dev/null
        exit 0
    fi
    sleep 1
    left=$((left - 1))
done
