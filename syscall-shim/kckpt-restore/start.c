// SPDX-License-Identifier: GPL-2.0
/*
 * Entry point without libc. The kernel starts us with %rsp pointing at
 * argc, then argv[], NULL, envp[], NULL, auxv. The stack is 16-byte aligned
 * there; the call below keeps the ABI's alignment for kr_start_c.
 */
#include "sys.h"

int main(int argc, char **argv, char **envp);
__attribute__((used, noreturn)) void kr_start_c(long *sp);

__asm__(".text\n"
	".globl	_start\n"
	".type	_start, @function\n"
	"_start:\n"
	"	xor	%ebp, %ebp\n"
	"	mov	%rsp, %rdi\n"
	"	and	$-16, %rsp\n"
	"	call	kr_start_c\n"
	"	hlt\n"
	".size	_start, . - _start\n");

void kr_start_c(long *sp)
{
	sys_exit_group(main((int)sp[0], (char **)(sp + 1), (char **)(sp + 1 + sp[0] + 1)));
}
