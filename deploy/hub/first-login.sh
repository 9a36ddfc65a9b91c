#!/bin/sh
# A learner's own copy of the course, made once, as the learner, on their first login:
#   first-login.sh TEMPLATE [SPACE]   (TEMPLATE: the learner copies, `./course learner`'s output;
#                                      SPACE: the learner's own folder, default their home)
# gives SPACE/escapelab/notebooks (their copy, theirs to change) and SPACE/escapelab/submissions
# (where submit(...) exports). SPACE becomes private: no other learner reads or changes this work.
# Later logins change nothing, so a learner's work is never overwritten.
set -eu
template="$1"
space="${2:-${HOME:?}}"
course="$space/escapelab"
chmod 700 "$space"
[ -e "$course" ] && exit 0
partial="$course.partial"
rm -rf "$partial"
mkdir -p "$partial/submissions"
cp -R "$template" "$partial/notebooks"
chmod -R u+w "$partial"
mv "$partial" "$course"
