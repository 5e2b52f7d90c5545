# kubesmith: the two commands that matter are `make generate` and `make test`.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# Empty means every service under models/.
SERVICE ?=
GO ?= go
GOTEST_FLAGS ?= -timeout 30m
# The architectures `make image` builds, one image each in the index.
ARCH ?= amd64,arm64
# What `make verify` compares the CRDs with; empty means where HEAD left main.
DIFF_REF ?=

.PHONY: help
help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

.PHONY: generate
generate: ## regenerate generated/<service> from models/ (SERVICE=dynamodb for one); adds or drops SDK service modules in go.mod
	$(GO) run ./cmd/kubesmith generate $(SERVICE)

.PHONY: new
new: ## SERVICE=sns: start a service, write models/<service>/generator.yaml from its model, generate it and build its controller
	@if [ -z "$(SERVICE)" ]; then echo "usage: make new SERVICE=<service>"; exit 2; fi
	$(GO) run ./cmd/kubesmith new $(SERVICE)

.PHONY: image
image: ## SERVICE=dynamodb: build the controller's OCI image, no Docker needed, into bin/images/<service>-controller.tar (ARCH=amd64 for one arch)
	@if [ -z "$(SERVICE)" ]; then echo "usage: make image SERVICE=<service> [ARCH=amd64,arm64]"; exit 2; fi
	$(GO) run ./cmd/kubesmith image -arch $(ARCH) $(SERVICE)

.PHONY: image-test
image-test: ## build the dynamodb image for linux/amd64 twice: same digest, entrypoint, user, labels, a static controller (minutes on a cold build cache)
	$(GO) test -run '^TestControllerImage$$' -count=1 -v -timeout 30m ./ociimage -args -ociimage.build

.PHONY: tools
tools: ## build the pinned test tools once into ~/.cache/kubesmith and link them into bin/ and .cache/
	hack/tools.sh

.PHONY: verify
verify: ## regenerate and fail if generated/, go.mod or go.sum differ from what is committed (changed, new or stale files), or if a CRD changed in a breaking way generator.yaml does not acknowledge
	$(GO) run ./cmd/kubesmith generate
	@if [ -n "$$(git status --porcelain -- generated go.mod go.sum models/generator.schema.json)" ]; then \
		echo "generated/ or go.mod is out of date; run 'make generate' and commit:"; \
		git status --porcelain -- generated go.mod go.sum models/generator.schema.json; git --no-pager diff --stat -- generated go.mod go.sum; exit 1; fi
	$(GO) run ./cmd/kubesmith diff $(if $(DIFF_REF),-ref $(DIFF_REF))

.PHONY: vet
vet: ## go vet and gofmt over everything, generated code included
	$(GO) vet ./...
	@bad=$$(gofmt -l cmd generator runtime tests generated); if [ -n "$$bad" ]; then echo "not gofmt-formatted: $$bad"; exit 1; fi

.PHONY: test
test: tools verify vet ## everything CI runs: tools, regenerate-and-diff, vet, unit and end-to-end tests
	$(GO) build -o bin/report ./tests/report
	$(GO) test $(GOTEST_FLAGS) -json ./... | bin/report

.PHONY: chaos
chaos: ## kill the DynamoDB controller 60 times while Tables and Backups change; prints duplicates, leaks and stuck objects
	$(GO) test -run '^TestChaos$$' -count=1 -v -timeout 30m ./tests/e2e/dynamodb -args -chaos.kills=60

.PHONY: sweep
sweep: ## generate every model with no generator.yaml into a temporary module, compile it in one go build, print compiled/attempted
	$(GO) test -run '^TestSweep$$' -count=1 -v -timeout 3h ./generator/pipeline -args -sweep.all $(if $(SERVICE),-sweep.only=$(SERVICE))

.PHONY: new-every
new-every: ## run kubesmith new on every model's service (no generator.yaml of ours) up to the compile; prints how many pass and where the rest stop
	$(GO) test -run '^TestNewEveryModel$$' -count=1 -v -timeout 3h ./cmd/kubesmith -args -new.every

.PHONY: golden
golden: ## rewrite the golden trees of the fixture services and the Helm chart from the current output
	$(GO) test -count=1 -run Golden ./generator/... -update

.PHONY: bench
BENCH_LEVELS ?= 100,300,1000
BENCH_FLAGS ?=
bench: tools ## generator benchmarks, a no-op resync of every committed kind, then create, resync and delete BENCH_LEVELS (100,300,1000; e.g. 100 for a quick look) Tables, Buckets and SecurityGroups with default Helm values; writes tests/bench/results/latest.md
	@mkdir -p .cache
	$(GO) test -run '^$$' -bench . -benchmem ./generator/... | tee .cache/bench-generator.txt
	$(GO) test -tags bench -run '^TestBench$$' -count=1 -v -timeout 3h ./tests/bench -args -bench.levels=$(BENCH_LEVELS) -bench.generator=$(CURDIR)/.cache/bench-generator.txt -bench.controller-flags="$(BENCH_FLAGS)"
