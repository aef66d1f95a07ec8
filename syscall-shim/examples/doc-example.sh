#!/bin/sh
# doc-example.sh readme README.md | man checkpt.3
# Prints the C example of the document, so that `make` compiles exactly
# what the documentation shows: README.md's first ```c block of the
# "## C API" section, or the .EX/.EE block of checkpt.3's EXAMPLES
# section with the roff escapes undone.
set -eu
case "$1" in
readme)
	awk '/^## / { in_sec = ($0 == "## C API") }
	     in_sec && /^```c$/ { code = 1; found = 1; next }
	     code && /^```$/ { exit }
	     code { print }
	     END { if (!found) exit 1 }' "$2"
	;;
man)
	awk '/^\.SH / { in_sec = ($0 == ".SH EXAMPLES") }
	     in_sec && /^\.EX/ { code = 1; found = 1; next }
	     code && /^\.EE/ { exit }
	     code {
		gsub(/\\-/, "-"); gsub(/\\\(aq/, "\047"); gsub(/\\&/, "")
		gsub(/\\e/, "\\"); print
	     }
	     END { if (!found) exit 1 }' "$2"
	;;
*)
	echo "usage: $0 readme|man FILE" >&2
	exit 2
	;;
esac
