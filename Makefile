# KCkpt top-level Makefile.
#
#   make            build everything for this machine's tests: checkpt CLI,
#                   test programs (kckpt.ko is built per VM kernel by the tests)
#   make demo       install what is missing, build, boot the test kernel, demo
#   make test       the whole suite: host tests + VM tests on both kernels
#   make module KDIR=/lib/modules/<release>/build
#                   build build/<release>/kckpt.ko against those headers
#   make install / make uninstall / make dkms-install   (on a real machine)

VERSION := $(shell cat VERSION)
KDIR ?= /lib/modules/$(shell uname -r)/build
KREL = $(shell sed -n 's/.*UTS_RELEASE "\(.*\)"/\1/p' $(KDIR)/include/generated/utsrelease.h 2>/dev/null)
PREFIX ?= /usr/local
DOTNET ?= dotnet
CFLAGS_TESTS := -O2 -g -Wall -Wextra -Werror -Ikmod/include -pthread

B := build
TEST_PROGS := $(patsubst tests/vm/progs/%.c,$(B)/tests/%,$(wildcard tests/vm/progs/*.c))
KMOD_SRC := $(wildcard kmod/*.c kmod/*.h kmod/include/uapi/*.h) kmod/Kbuild kmod/Makefile

all: managed test-progs $(B)/bin/kckpt-restore

deps:
	tests/vm/setup-host.sh

managed:
	$(DOTNET) publish managed/Checkpt/Checkpt.csproj -c Release -o $(B)/bin --nologo -v q

test-progs: $(TEST_PROGS)

$(B)/tests/%: tests/vm/progs/%.c tests/vm/progs/protocol.h kmod/include/uapi/kckpt.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_TESTS) -o $@ $<

# kckpt-restore: static, no libc, no %fs use (it loads the image's fs base)
# and no SSE/x87 (it loads the image's xstate) - see its main.c.
CFLAGS_RESTORE := -static -nostdlib -nostartfiles -ffreestanding \
	-fno-stack-protector -fno-builtin -fno-pie -no-pie -O2 -Wall -Wextra \
	-Werror -Ikmod/include -mgeneral-regs-only -fcf-protection=none \
	-fno-asynchronous-unwind-tables -ffunction-sections -fdata-sections \
	-Wl,--gc-sections -Wl,-z,noexecstack -Wl,--build-id=none

$(B)/bin/kckpt-restore: $(wildcard syscall-shim/kckpt-restore/*.c syscall-shim/kckpt-restore/*.h) kmod/include/uapi/kckpt.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_RESTORE) -o $@ $(filter %.c,$^)

# Built in a private directory, installed with a rename: concurrent builds
# (tests beside a demo) never see each other's half-built objects.
module: $(KMOD_SRC) VERSION
	@test -n "$(KREL)" || { echo "no kernel headers at KDIR=$(KDIR)"; exit 2; }
	@set -e; o=$(B)/$(KREL)/obj.$$$$; rm -rf $$o; mkdir -p $$o; \
	cp -r kmod/. VERSION $$o/; \
	$(MAKE) -C $$o KDIR=$(KDIR); \
	cp $$o/kckpt.ko $$o.ko; mv $$o.ko $(B)/$(KREL)/kckpt.ko; rm -rf $$o

demo: deps all
	tests/vm/run.sh demo

test: deps all
	tests/run-all.sh

# Checkpoint timings in one VM (kckpt ioctl, checkpt CLI, criu, dd); prints only.
bench: deps all
	tests/vm/bench/run-bench.sh

.PHONY: bench

test-host:
	$(DOTNET) test KCkpt.sln -c Release --nologo

test-vm: all
	tests/vm/run.sh test

install: module all
	install -D -m 0644 $(B)/$(KREL)/kckpt.ko /lib/modules/$(KREL)/extra/kckpt.ko
	depmod -a $(KREL)
	rm -rf $(PREFIX)/lib/kckpt && mkdir -p $(PREFIX)/lib/kckpt $(PREFIX)/bin
	cp -r $(B)/bin/. $(PREFIX)/lib/kckpt/
	ln -sf $(PREFIX)/lib/kckpt/checkpt $(PREFIX)/bin/checkpt
	install -D -m 0644 kmod/include/uapi/kckpt.h $(PREFIX)/include/linux/kckpt.h

uninstall:
	rm -f /lib/modules/$(KREL)/extra/kckpt.ko
	-depmod -a $(KREL)
	rm -rf $(PREFIX)/lib/kckpt $(PREFIX)/bin/checkpt $(PREFIX)/include/linux/kckpt.h

# DKMS: the module source goes to /usr/src/kckpt-$(VERSION) and is rebuilt
# for every installed kernel on upgrades.
dkms-install:
	rm -rf /usr/src/kckpt-$(VERSION) && mkdir -p /usr/src/kckpt-$(VERSION)
	cp -r kmod/. VERSION /usr/src/kckpt-$(VERSION)/
	sed 's/@VERSION@/$(VERSION)/' dkms.conf >/usr/src/kckpt-$(VERSION)/dkms.conf
	dkms add -m kckpt -v $(VERSION)
	dkms install -m kckpt -v $(VERSION)

dkms-uninstall:
	-dkms remove -m kckpt -v $(VERSION) --all
	rm -rf /usr/src/kckpt-$(VERSION)

clean:
	rm -rf $(B)
	$(DOTNET) clean KCkpt.sln --nologo -v q >/dev/null 2>&1 || true

.PHONY: all deps managed test-progs module demo test test-host test-vm install \
	uninstall dkms-install dkms-uninstall clean
