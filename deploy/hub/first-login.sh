#!/bin/sh
# A learner's own copy of the course, made once, as the learner, on their first login:
#   first-login.sh TEMPLATE     (TEMPLATE: the learner copies, `./course learner`'s output)
# gives ~/escapelab/notebooks (their copy, theirs to change) and ~/escapelab/submissions (where
# submit(...) exports). The home becomes private: no other learner reads or changes this work.
# Later logins change nothing, so a learner's work is never overwritten.
set -eu
template="$1"
course="${HOME:?}/escapelab"
chmod 700 "$HOME"
[ -e "$course" ] && exit 0
partial="$course.partial"
rm -rf "$partial"
mkdir -p "$partial/submissions"
cp -R "$template" "$partial/notebooks"
chmod -R u+w "$partial"
mv "$partial" "$course"
