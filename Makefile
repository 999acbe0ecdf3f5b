# JourneyMapper — the two set-up commands are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Debian packages Qt's xcb platform needs for a real window, plus the tools the smoke test
# uses (xdotool: real key presses through XTEST, for the Ctrl+Q test and the editor bench).
DEBS := xvfb xauth libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
        libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0 libegl1 \
        libgl1 libfontconfig1 libdbus-1-3 poppler-utils xdotool \
        openjdk-17-jre-headless desktop-file-utils
# (openjdk-17-jre-headless: the Spark engine's test; desktop-file-utils: the desktop entry's)
# The browser the workshop pages' and the semantic SVG's Playwright tests drive.
DEBS += chromium

.PHONY: run test bench lint format deps venv clean dist dist-check install-desktop \
        uninstall-desktop icons fuzz stress

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,bench,spark]'
	touch $(STAMP)

venv: $(STAMP)

# Installs missing Debian packages when we are root and apt-get exists; otherwise says what is missing.
deps:
	@missing=$$(for p in $(DEBS) $(EXTRA_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian packages:" $$missing; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "Missing Debian packages (install them as root):" $$missing; fi; \
	fi

run: $(STAMP) deps
	$(PY) -m journeymapper examples/online-clothing-store.journey

# mypy --strict (pyproject.toml [tool.mypy]) on every Qt-free package and the command line.
MYPY_PACKAGES := -p journeymapper.base -p journeymapper.model -p journeymapper.analysis \
                 -p journeymapper.layout -p journeymapper.look -p journeymapper.io -p journeymapper.cli \
                 -p journeymapper.analytics -p journeymapper.server -p journeymapper.workshop
# live co-editing (issue 18): the sync layer, strict as well
MYPY_PACKAGES += -p journeymapper.sync

test: $(STAMP) deps interop-deps
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy $(MYPY_PACKAGES)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# ----- live co-editing (issue 18): the reference Yjs implementation for the interop tests
INTEROP := tests/interop
.PHONY: interop-deps
interop-deps:
	@if [ ! -d $(INTEROP)/node_modules/yjs ]; then \
	  if command -v npm >/dev/null; then \
	    (cd $(INTEROP) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error); \
	  elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null && \
	    (cd $(INTEROP) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error); \
	  else echo "npm is missing (install nodejs and npm): the Node.js interop tests cannot run"; exit 1; fi; \
	fi
# ----- end of live co-editing


# The bench also races Mermaid's own CLI (installed by the bench with npm; it draws with
# Debian's chromium) and starts the editor on Xvfb (benchmarks/commands.py); a tool that
# cannot be installed fails only its row.
bench: $(STAMP)
	-$(MAKE) --no-print-directory deps EXTRA_DEBS="chromium"
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks.run

# A longer campaign of the loaders' hostile-input tests: 2,000 examples per test instead of
# 60, and every timed 10 MB worst case instead of the slowest of each loader.
FUZZ_TESTS := tests/io/test_hostile_inputs.py tests/io/test_hostile_timing.py \
              tests/io/test_hostile_limits.py tests/io/test_journey_fuzz.py tests/io/interchange \
              tests/sync/test_convergence.py
# and 2,000 generated maps routed and measured on their exported SVG (issue 15)
FUZZ_TESTS += tests/layout/test_routing.py
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=long JM_FUZZ_LONG=1 QT_QPA_PLATFORM=offscreen \
	  $(PY) -m pytest -q --hypothesis-show-statistics $(FUZZ_TESTS)

# Saves killed 5,000 times at random moments, and the full / read-only disk tests.
stress: $(STAMP)
	JM_SAVE_KILLS=5000 QT_QPA_PLATFORM=offscreen \
	  $(PY) -m pytest -q -s tests/io/test_save_kills.py tests/io/test_save_faults.py \
	  tests/app/files/test_save_failures.py tests/app/safety/test_recovery_process.py
	JM_CUT_SECONDS=60 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/sync/test_faults.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy $(MYPY_PACKAGES)

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# ----- packaging: the desktop bundle and the Linux desktop entry -------------------
DIST_STAMP := $(VENV)/.dist-installed

$(DIST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[dist]'
	touch $(DIST_STAMP)

# A one-folder, windowed PyInstaller bundle: dist/journeymapper/journeymapper.
dist: $(DIST_STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
	@du -sh dist/journeymapper

# Builds the bundle, then runs it from inside, offscreen: --version, a PDF and a PNG export.
dist-check: dist
	PY=$(PY) bash packaging/dist_check.sh

# Registers the menu entry, icons and the *.journey type for this user (Linux);
# runs the bundle when `make dist` built one, else this checkout's venv.
install-desktop: $(STAMP)
	bash packaging/install_desktop.sh

uninstall-desktop:
	bash packaging/install_desktop.sh --uninstall

# Redraws the application icon's SVG and PNGs (resources/desktop/icons) from icons.py.
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m journeymapper.app.look.app_icon

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis build dist *.egg-info
