# Thin wrapper: every target is one script under scripts/ or bench/.
.PHONY: run test build deps docs model bench bench-encoder bench-media format

run:            ## build everything and serve the demo on http://127.0.0.1:8000
	scripts/run.sh

test:           ## every test: C++ unit tests and API tests on SQLite and PostgreSQL
	scripts/test.sh

build: deps
	scripts/build.sh

deps:
	scripts/install-deps.sh

docs:
	scripts/build-docs.sh

model:
	scripts/fetch-model.sh

bench:          ## HTTP benchmark against nginx (see bench/README.md)
	bench/http_bench.sh

bench-encoder:  ## native encoder vs a numpy BERT reference, same run
	bench/encoder_bench.sh

bench-media:    ## segment delivery vs nginx, session latency
	bench/media_bench.sh

format:
	clang-format -i $$(git ls-files 'server/*.cpp' 'server/*.hpp')
