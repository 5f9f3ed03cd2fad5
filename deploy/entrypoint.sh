#!/bin/sh
# Entrypoint of the feedgen image: give the database directory to the
# unprivileged feedgen user, then drop root for good and run feedgen.
#
# Why: fly.io (like Docker and most platforms) mounts a fresh volume as a
# root-owned directory, and a database restored through `fly ssh` is
# root-owned too, so a process that starts as an unprivileged user cannot
# write either. Started as root, this script changes the owner of exactly
# two things, the directory of $FEEDGEN_DB and the database file itself,
# and then execs feedgen as uid/gid 65532 with no supplementary groups and
# no way back to privilege (no_new_privs). Started as any other user
# (docker run --user, a Kubernetes runAsUser) it only execs feedgen.
set -eu

uid=65532
gid=65532

if [ "$(id -u)" -ne 0 ]; then
	exec "$@"
fi

db=${FEEDGEN_DB:-feedgen.db}
dir=$(dirname -- "$db")
mkdir -p -- "$dir"
# Never the root of the file system, whatever FEEDGEN_DB says.
if [ "$(cd -- "$dir" && pwd -P)" != / ]; then
	chown -- "$uid:$gid" "$dir"
fi
if [ -e "$db" ]; then
	chown -h -- "$uid:$gid" "$db"
fi
exec setpriv --reuid="$uid" --regid="$gid" --clear-groups --no-new-privs -- "$@"
