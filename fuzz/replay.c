/*
 * replay.c -- run a libFuzzer harness over files without libFuzzer, so the
 * fuzz corpus and the bad-input corpus are replayed by `make test` under
 * the gcc ASan+UBSan build. Prints "N passed, N failed"; a crash or a
 * sanitizer report ends the run, which the test runner counts as failure.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			printf("FAIL - cannot open %s\n", argv[i]);
			failed++;
			continue;
		}
		size_t cap = 1 << 16, n = 0, got;
		uint8_t *data = malloc(cap);
		while (data && (got = fread(data + n, 1, cap - n, f)) > 0) {
			n += got;
			if (n == cap) {
				uint8_t *nd = realloc(data, cap * 2);
				if (!nd)
					break;
				data = nd;
				cap *= 2;
			}
		}
		fclose(f);
		if (!data) {
			failed++;
			continue;
		}
		LLVMFuzzerTestOneInput(data, n);
		free(data);
		passed++;
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
