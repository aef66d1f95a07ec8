/* SPDX-License-Identifier: GPL-2.0 */
/* What suid_target holds in memory, for the test that looks for it. */
#ifndef KCKPT_TEST_SUID_TARGET_H
#define KCKPT_TEST_SUID_TARGET_H

#define SUID_SECRET_SEED	0x5eu	/* proto_pattern() seed of the page */
#define SUID_SECRET_LEN		4096

#endif /* KCKPT_TEST_SUID_TARGET_H */
