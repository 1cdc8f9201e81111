# The two commands of the README: `make install` (build, install, bring the test bed up and
# show the brokers) and `make test` (what CI runs). Build output stays outside the clone.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/kubectl-kafka/target
PREFIX ?= $(HOME)/.local
KUBECONFIG_BED = $(HOME)/.cache/kubectl-kafka-testbed/state/kwok/clusters/kafka-testbed/kubeconfig.yaml

.PHONY: deps install test lint unit bed bed-down clean-all soak bench completions release

# Checks and installs what the plugin, the bed and the tests need (idempotent; see testbed/deps).
deps:
	testbed/deps

install: deps
	cargo install --locked --path . --root $(PREFIX)
	testbed/up
	PATH="$(PREFIX)/bin:$(HOME)/.cache/kubectl-kafka-testbed/bin:$$PATH" KUBECONFIG=$(KUBECONFIG_BED) kubectl kafka -n kafka status -o wide

lint: deps
	cargo fmt --check
	cargo clippy --locked --all-targets -- -D warnings

unit:
	cargo test --locked --lib --bins

bed: deps
	testbed/up

bed-down:
	testbed/down

# Everything gone: the bed down (processes, mounts, firewall rules, sysctls restored), the
# bed's cache and the build output removed.
clean-all: bed-down
	rm -rf $(HOME)/.cache/kubectl-kafka-testbed $(CARGO_TARGET_DIR)

test: lint bed
	cargo test --locked
	krew/check

# The long runs the issues ask for, beyond CI, on the real node, each under an idempotent
# acks=all producer and a live consumer group: five back-to-back full restarts; growing to
# five brokers and back to three with 200 MiB of data.
soak: bed
	KUBECTL_KAFKA_SOAK_RESTARTS=5 cargo test --locked --test it -- --exact rollouts::rolling_restart_under_load_loses_and_duplicates_nothing --nocapture
	KUBECTL_KAFKA_SOAK_SCALE_MIB=200 cargo test --locked --test it -- --exact balance::scale_out_to_five_and_back_to_three_under_load --nocapture

bench: bed
	cargo build --locked --release
	benches/run
	benches/record-relay-traffic
	RELAY_TRAFFIC=$(HOME)/.cache/kubectl-kafka/relay-traffic cargo bench --locked --bench relay

completions:
	cargo build --locked
	for s in bash zsh fish; do $(CARGO_TARGET_DIR)/debug/kubectl-kafka completion $$s > completions/kubectl-kafka.$$s; done

release:
	krew/release
