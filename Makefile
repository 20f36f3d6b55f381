# Thin wrapper: every target is one script under scripts/ or bench/.
.PHONY: run test build deps docs model web package screenshots bench bench-encoder bench-media bench-epg bench-web eval bench-recs bench-upload bench-admin bench-catalog bench-scale format tidy

run:            ## build everything and serve the demo on http://127.0.0.1:8000
	scripts/run.sh

test:           ## every test: C++ unit, API (SQLite and PostgreSQL), nginx, web unit and browser tests
	scripts/test.sh

build: deps
	scripts/build.sh

deps:
	scripts/install-deps.sh

docs:
	scripts/build-docs.sh

web:            ## build the web apps (web/) when their sources changed
	scripts/build-web.sh

screenshots:    ## PNGs of every web page at phone and desktop size into docs/screenshots/
	scripts/build.sh && scripts/build-web.sh && cd web && node e2e/screenshots.mjs

model:
	scripts/fetch-model.sh

package:        ## Debian package build/deb/kinora_VERSION_ARCH.deb (see docs/operations.md)
	scripts/package.sh

bench:          ## HTTP benchmark against nginx (see bench/README.md)
	bench/http_bench.sh

bench-encoder:  ## native encoder vs a numpy BERT reference, same run
	bench/encoder_bench.sh

bench-media:    ## segment delivery vs nginx, session latency
	bench/media_bench.sh

eval:           ## For You vs popularity and random on MovieLens (../shared/data), temporal split
	@[ -x build/kinora ] || scripts/build.sh
	build/kinora eval

bench-recs:     ## /recommendations/home and /similar latency at MovieLens size
	bench/recs_bench.sh

bench-web:      ## the viewer app: JS weight, Lighthouse, LCP, the guide with 1,000 channels
	bench/web_bench.sh

bench-epg:      ## guide at scale: 100 MB XMLTV import, grid latency (SQLite, PostgreSQL)
	bench/epg_bench.sh

bench-catalog:  ## a fresh serve embeds the MovieLens catalog: seconds to ready, peak RSS (vs 90 s, 200 MB)
	bench/catalog_embed_bench.sh

bench-scale:    ## mixed workload through nginx on 1, 2 and 3 instances (one PostgreSQL, one Redis)
	bench/scale_bench.sh

bench-upload:   ## server memory while an admin uploads a 1 GB file (peak RSS vs 200 MB)
	bench/upload_bench.sh

bench-admin:    ## admin stats and accounts list latency at MovieLens size (SQLite, PostgreSQL)
	bench/admin_bench.sh

format:
	clang-format -i $$(git ls-files 'server/*.cpp' 'server/*.hpp')

tidy:           ## clang-tidy (.clang-tidy: bugprone-*, performance-*) over server/src; fails on any finding
	scripts/tidy.sh
