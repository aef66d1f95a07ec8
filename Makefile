# KCkpt top-level Makefile.
#
#   make            build everything for this machine's tests: checkpt CLI,
#                   test programs (kckpt.ko is built per VM kernel by the tests)
#   make demo       install what is missing, build, boot the test kernel, demo
#   make test       the whole suite: host tests + VM tests on every kernel
#                   (KERNELS="trixie sid" or KERNELS=6.12: only those)
#   make fuzz      the raw-ioctl fuzzer (test 775) for long, on one kernel
#                   (FUZZ_ITERATIONS, FUZZ_SEED, FUZZ_KERNEL)
#   make test-debug the VM tests on the debug kernel (trixie's 6.12 source
#                   with KASAN, lockdep, UBSAN, kmemleak; built once)
#   make module KDIR=/lib/modules/<release>/build
#                   build build/<release>/kckpt.ko and kckpt_tty.ko against
#                   those headers
#   make install / make uninstall / make dkms-install   (on a real machine)

VERSION := $(shell cat VERSION)
KDIR ?= /lib/modules/$(shell uname -r)/build
KREL = $(shell sed -n 's/.*UTS_RELEASE "\(.*\)"/\1/p' $(KDIR)/include/generated/utsrelease.h 2>/dev/null)
PREFIX ?= /usr/local
DOTNET ?= dotnet
CFLAGS_TESTS := -O2 -g -Wall -Wextra -Werror -Iinclude -pthread

B := build
TEST_PROGS := $(patsubst tests/vm/progs/%.c,$(B)/tests/%,$(wildcard tests/vm/progs/*.c))
KMOD_SRC := $(wildcard kmod/*.c kmod/*/*.c kmod/*/*.h include/uapi/*.h) kmod/Kbuild kmod/Makefile
TTY_SRC := $(wildcard tty-hook/*.c tty-hook/*.h) tty-hook/Kbuild tty-hook/Makefile

all: managed test-progs $(B)/bin/kckpt-restore

deps:
	tests/vm/setup-host.sh

# ReadyToRun: precompiled, so start-up does not wait for the JIT (seconds
# under an emulated CPU, as in the test VMs).
managed:
	$(DOTNET) publish managed/Checkpt/Checkpt.csproj -c Release -r linux-x64 \
		--self-contained false -p:PublishReadyToRun=true -o $(B)/bin --nologo -v q

test-progs: $(TEST_PROGS)

$(B)/tests/%: tests/vm/progs/%.c $(wildcard tests/vm/progs/*.h) include/uapi/kckpt.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_TESTS) -o $@ $<

# libkckpt: checkpt() for C programs (syscall-shim/libkckpt, checkpt(3)).
# One PIC object for both the static and the shared library; the version
# script exports only the API. Test programs named libkckpt_*.c link the
# static library; syscall-shim/examples/*.c and the C examples of README.md
# and checkpt.3 (extracted) are compiled by `make`, so the docs stay true.
LIBKCKPT_DIR := syscall-shim/libkckpt
LIBKCKPT_MAN_LINKS := checkpt_fd checkpt_fd2 kckpt_strerror kckpt_sigckpt \
	kckpt_sigckptexit kckpt_atcheckpoint kckpt_atrestore
CFLAGS_LIB := -O2 -g -Wall -Wextra -Werror -fPIC -fvisibility=hidden \
	-Iinclude -I$(LIBKCKPT_DIR)
CFLAGS_EXAMPLES := -O2 -g -Wall -Wextra -Werror -I$(LIBKCKPT_DIR)
EXAMPLES := $(patsubst syscall-shim/examples/%.c,$(B)/examples/%,$(wildcard syscall-shim/examples/*.c)) \
	$(B)/examples/readme_example $(B)/examples/man_example

all: libkckpt examples

libkckpt: $(B)/lib/libkckpt.a $(B)/lib/libkckpt.so

$(B)/lib/libkckpt.o: $(LIBKCKPT_DIR)/libkckpt.c $(LIBKCKPT_DIR)/kckpt.h include/uapi/kckpt.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_LIB) -c -o $@ $<

$(B)/lib/libkckpt.a: $(B)/lib/libkckpt.o
	rm -f $@ && ar rcs $@ $^

$(B)/lib/libkckpt.so.1: $(B)/lib/libkckpt.o $(LIBKCKPT_DIR)/libkckpt.map
	$(CC) -shared -Wl,-soname,libkckpt.so.1 -Wl,--version-script=$(LIBKCKPT_DIR)/libkckpt.map \
		-Wl,-z,noexecstack -o $@ $< -pthread

$(B)/lib/libkckpt.so: $(B)/lib/libkckpt.so.1
	ln -sf libkckpt.so.1 $@

$(B)/tests/libkckpt_%: tests/vm/progs/libkckpt_%.c tests/vm/progs/protocol.h $(LIBKCKPT_DIR)/kckpt.h $(B)/lib/libkckpt.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_TESTS) -I$(LIBKCKPT_DIR) -o $@ $< $(B)/lib/libkckpt.a

examples: $(EXAMPLES)

$(B)/examples/%: syscall-shim/examples/%.c $(LIBKCKPT_DIR)/kckpt.h $(B)/lib/libkckpt.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_EXAMPLES) -o $@ $< $(B)/lib/libkckpt.a

$(B)/examples/readme_example.c: README.md syscall-shim/examples/doc-example.sh
	@mkdir -p $(dir $@)
	syscall-shim/examples/doc-example.sh readme $< >$@

$(B)/examples/man_example.c: $(LIBKCKPT_DIR)/checkpt.3 syscall-shim/examples/doc-example.sh
	@mkdir -p $(dir $@)
	syscall-shim/examples/doc-example.sh man $< >$@

$(B)/examples/%_example: $(B)/examples/%_example.c $(LIBKCKPT_DIR)/kckpt.h $(B)/lib/libkckpt.a
	$(CC) $(CFLAGS_EXAMPLES) -o $@ $< $(B)/lib/libkckpt.a

install: install-libkckpt
uninstall: uninstall-libkckpt

install-libkckpt: libkckpt
	install -D -m 0755 $(B)/lib/libkckpt.so.1 $(PREFIX)/lib/libkckpt.so.1
	ln -sf libkckpt.so.1 $(PREFIX)/lib/libkckpt.so
	install -D -m 0644 $(B)/lib/libkckpt.a $(PREFIX)/lib/libkckpt.a
	install -D -m 0644 $(LIBKCKPT_DIR)/kckpt.h $(PREFIX)/include/kckpt.h
	install -D -m 0644 $(LIBKCKPT_DIR)/checkpt.3 $(PREFIX)/share/man/man3/checkpt.3
	for f in $(LIBKCKPT_MAN_LINKS); do \
		echo '.so man3/checkpt.3' >$(PREFIX)/share/man/man3/$$f.3; done
	-ldconfig

uninstall-libkckpt:
	rm -f $(PREFIX)/lib/libkckpt.so.1 $(PREFIX)/lib/libkckpt.so $(PREFIX)/lib/libkckpt.a \
		$(PREFIX)/include/kckpt.h $(PREFIX)/share/man/man3/checkpt.3 \
		$(patsubst %,$(PREFIX)/share/man/man3/%.3,$(LIBKCKPT_MAN_LINKS))
	-ldconfig

.PHONY: libkckpt examples install-libkckpt uninstall-libkckpt

# kckpt-restore: static, no libc, no %fs use (it loads the image's fs base)
# and no SSE/x87 (it loads the image's xstate) - see its main.c.
CFLAGS_RESTORE := -static -nostdlib -nostartfiles -ffreestanding \
	-fno-stack-protector -fno-builtin -fno-pie -no-pie -O2 -Wall -Wextra \
	-Werror -Iinclude -mgeneral-regs-only -fcf-protection=none \
	-fno-asynchronous-unwind-tables -ffunction-sections -fdata-sections \
	-Wl,--gc-sections -Wl,-z,noexecstack -Wl,--build-id=none

$(B)/bin/kckpt-restore: $(wildcard syscall-shim/kckpt-restore/*.c syscall-shim/kckpt-restore/*.h) include/uapi/kckpt.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_RESTORE) -o $@ $(filter %.c,$^)

# Built in a private directory, installed with a rename: concurrent builds
# (tests beside a demo) never see each other's half-built objects.
module: $(KMOD_SRC) $(TTY_SRC) VERSION
	@test -n "$(KREL)" || { echo "no kernel headers at KDIR=$(KDIR)"; exit 2; }
	@set -e; o=$(B)/$(KREL)/obj.$$$$; rm -rf $$o; mkdir -p $$o/tty-hook; \
	cp -r kmod/. VERSION $$o/; cp -r include/. $$o/include/; \
	$(MAKE) -C $$o KDIR=$(KDIR); \
	cp -r tty-hook/. $$o/tty-hook/; \
	$(MAKE) -C $$o/tty-hook KDIR=$(KDIR); \
	cp $$o/kckpt.ko $$o.ko; mv $$o.ko $(B)/$(KREL)/kckpt.ko; \
	cp $$o/tty-hook/kckpt_tty.ko $$o.ko; mv $$o.ko $(B)/$(KREL)/kckpt_tty.ko; \
	rm -rf $$o

demo: deps all
	tests/vm/run.sh demo

# KERNELS: which kernels the VM tests boot (default: all four)
test: deps all
	$(if $(KERNELS),KCKPT_KERNELS="$(KERNELS)") tests/run-all.sh

# The raw-ioctl fuzzer (test 775) for longer, on one kernel (FUZZ_KERNEL,
# default sid): FUZZ_ITERATIONS per run (as root, then as a user),
# FUZZ_SEED to replay a failure.
FUZZ_KERNEL ?= sid
FUZZ_ITERATIONS ?= 200000
fuzz: deps all
	KCKPT_VM_TESTS='775-*' KCKPT_FUZZ_ITERATIONS=$(FUZZ_ITERATIONS) \
		$(if $(FUZZ_SEED),KCKPT_FUZZ_SEED=$(FUZZ_SEED)) \
		KCKPT_TEST_TIMEOUT=$${KCKPT_TEST_TIMEOUT:-7200} KCKPT_VM_TIMEOUT=$${KCKPT_VM_TIMEOUT:-9000} \
		tests/vm/run.sh test -k $(FUZZ_KERNEL)

.PHONY: fuzz

# Checkpoint timings in one VM (kckpt ioctl, checkpt CLI, criu, dd); prints only.
bench: deps all
	tests/vm/bench/run-bench.sh

.PHONY: bench

# The VM tests on a debug kernel built from trixie's linux-source-6.12 with
# KASAN, lockdep, UBSAN and kmemleak (tests/vm/lib/debug-kernel.sh; built
# once into $KCKPT_CACHE, rebuilt when its config fragment or the source
# changes). No host tests.
test-debug: deps all
	tests/vm/run.sh test -k debug

test-host:
	$(DOTNET) test KCkpt.sln -c Release --nologo

test-vm: all
	$(if $(KERNELS),KCKPT_KERNELS="$(KERNELS)") tests/vm/run.sh test

# install = the module for the running kernel + the CLI, helper and header
# (+ libkckpt, above); with DKMS: make dkms-install install-cli.
install: install-module install-cli

install-module: module
	install -D -m 0644 $(B)/$(KREL)/kckpt.ko /lib/modules/$(KREL)/extra/kckpt.ko
	install -D -m 0644 $(B)/$(KREL)/kckpt_tty.ko /lib/modules/$(KREL)/extra/kckpt_tty.ko
	depmod -a $(KREL)

install-cli: all
	rm -rf $(PREFIX)/lib/kckpt && mkdir -p $(PREFIX)/lib/kckpt $(PREFIX)/bin
	cp -r $(B)/bin/. $(PREFIX)/lib/kckpt/
	ln -sf $(PREFIX)/lib/kckpt/checkpt $(PREFIX)/bin/checkpt
	install -D -m 0644 include/uapi/kckpt.h $(PREFIX)/include/linux/kckpt.h

uninstall:
	rm -f /lib/modules/$(KREL)/extra/kckpt.ko /lib/modules/$(KREL)/extra/kckpt_tty.ko
	-depmod -a $(KREL)
	rm -rf $(PREFIX)/lib/kckpt $(PREFIX)/bin/checkpt $(PREFIX)/include/linux/kckpt.h

# DKMS: the module source goes to /usr/src/kckpt-$(VERSION) and is rebuilt
# for every installed kernel on upgrades. dkms-source alone lays the source
# out (under DESTDIR: the VM harness checks a DKMS build in a Debian root).
dkms-source:
	rm -rf $(DESTDIR)/usr/src/kckpt-$(VERSION) && mkdir -p $(DESTDIR)/usr/src/kckpt-$(VERSION)/tty-hook
	cp -r kmod/. VERSION $(DESTDIR)/usr/src/kckpt-$(VERSION)/
	cp -r include/. $(DESTDIR)/usr/src/kckpt-$(VERSION)/include/
	cp -r tty-hook/. $(DESTDIR)/usr/src/kckpt-$(VERSION)/tty-hook/
	sed 's/@VERSION@/$(VERSION)/' dkms.conf >$(DESTDIR)/usr/src/kckpt-$(VERSION)/dkms.conf

dkms-install: dkms-source
	dkms add -m kckpt -v $(VERSION)
	dkms install -m kckpt -v $(VERSION)

dkms-uninstall:
	-dkms remove -m kckpt -v $(VERSION) --all
	rm -rf /usr/src/kckpt-$(VERSION)

clean:
	rm -rf $(B)
	$(DOTNET) clean KCkpt.sln --nologo -v q >/dev/null 2>&1 || true

.PHONY: all deps managed test-progs module demo test test-debug test-host test-vm install \
	install-module install-cli uninstall dkms-source dkms-install dkms-uninstall clean
