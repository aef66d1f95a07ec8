# shellcheck shell=bash
# The DKMS path of a real install, checked in a suite's minimal root: the
# source laid out as `make dkms-install` lays it, then `dkms build` for that
# suite's kernel. Sourced by run.sh; adds to PASSED/FAILED.

# Suites whose kernels get the DKMS check (the Vagrant box is trixie).
KCKPT_DKMS_SUITES=${KCKPT_DKMS_SUITES:-trixie}

# check_dkms NAME RELEASE
check_dkms() {
	local suite rel=$2 root version log
	suite=$(kernel_suite "$1") || return
	case " $KCKPT_DKMS_SUITES " in *" $suite "*) ;; *) return ;; esac
	root=$(suite_root "$suite")
	version=$(cat "$KCKPT_ROOT/VERSION")
	log="$KCKPT_ROOT/build/$rel/dkms.log"
	{
		in_root "$suite" sh -c 'command -v dkms >/dev/null ||
			apt-get install -y -q --no-install-recommends dkms' &&
		make -s -C "$KCKPT_ROOT" dkms-source DESTDIR="$root" &&
		in_root "$suite" sh -c "dkms remove -m kckpt -v $version --all >/dev/null 2>&1;
			dkms add -m kckpt -v $version &&
			dkms build -m kckpt -v $version -k $rel"
	} >"$log" 2>&1
	if [ $? -eq 0 ]; then
		count_result PASS
		echo "  PASS dkms-builds-kckpt-for-$rel"
	else
		count_result FAIL
		echo "  FAIL dkms-builds-kckpt-for-$rel (see $log):"
		tail -n 20 "$log" | sed 's/^/    | /'
	fi
}
