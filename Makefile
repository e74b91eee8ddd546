# dyad -- the front door. The real build is meson + ninja; this file only
# names the things people do. Every target installs what is missing first.
#
#   make            build (build/)
#   make demo       build and run dyad on the sample articles in data/samples
#   make test       build with ASan + UBSan and -Werror (build-test/), run every test
#   make bench      optimised build (build-bench/), run the benchmarks in bench/
#   make fuzz       clang + libFuzzer build (build-fuzz/), run each fuzzer FUZZ_SECONDS
#   make format     clang-format the C sources
#   make clean      remove the build directories

FUZZ_SECONDS ?= 60
MESON ?= meson
NINJA ?= ninja

.PHONY: all deps demo test bench fuzz format clean

all: deps build/build.ninja
	$(NINJA) -C build

deps:
	@scripts/install-deps.sh

build/build.ninja:
	$(MESON) setup build --buildtype=debugoptimized

build-test/build.ninja:
	$(MESON) setup build-test --buildtype=debug -Dwerror=true \
	  -Db_sanitize=address,undefined -Db_lundef=false \
	  -Dc_args=-fno-sanitize-recover=all

build-bench/build.ninja:
	$(MESON) setup build-bench --buildtype=release -Db_ndebug=true

build-fuzz/build.ninja:
	CC=clang $(MESON) setup build-fuzz --buildtype=debugoptimized -Dfuzz=true \
	  -Db_lundef=false

demo: all
	@scripts/demo.sh build

test: deps build-test/build.ninja
	$(NINJA) -C build-test
	@tests/run.sh build-test

bench:
	@scripts/install-deps.sh bench
	@$(MAKE) --no-print-directory build-bench/build.ninja
	$(NINJA) -C build-bench
	@bench/run.sh build-bench

fuzz:
	@scripts/install-deps.sh fuzz
	@$(MAKE) --no-print-directory build-fuzz/build.ninja
	$(NINJA) -C build-fuzz
	@fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

format:
	clang-format -i include/dyad/*.h src/*.c src/*.h cli/*.c tests/*.c tests/*.h \
	  tests/unit/*.c fuzz/*.c bench/*.c

clean:
	rm -rf build build-test build-bench build-fuzz
