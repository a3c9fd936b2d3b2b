# Every target sets up what it needs itself: a fresh clone needs only Python 3 and make.
# Installs are redone only when a requirements file changes (stamp files in .venv/).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# The edition to build or serve: `make build EDITION=instructor` (default: extra.course.edition in mkdocs.yml).
ifdef EDITION
export COURSE_EDITION := $(EDITION)
endif

.PHONY: check-config export serve build translations test test-fast check check-fast clean system-deps offline pdf lesson drop-lesson renumber-lessons rename-lesson bench lms worksheets readability

# The course's other languages, one config each (mkdocs.ru.yml...), built into site/<lang>/.
LANGUAGES := $(wildcard mkdocs.??.yml mkdocs.???.yml)

serve: check-config $(VENV)/.runtime  ## serve the course with live reload at http://127.0.0.1:8000 (IN=ru: the Russian pages)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 $(if $(IN),-f mkdocs.$(IN).yml)

build: check-config $(VENV)/.runtime  ## strict build into site/ (English) and site/ru/ (Russian), each language's own folder
	$(BIN)/mkdocs build --strict
	@for config in $(LANGUAGES); do echo "Building $$config"; $(BIN)/mkdocs build --strict -f $$config || exit 1; done

translations: $(VENV)/.runtime  ## what each language still lacks: pages, data texts, interface words (file:line)
	$(BIN)/python scripts/translations.py

export: check-config $(VENV)/.runtime  ## the course as plain Markdown in dist/export/: plain MkDocs + Material builds it, no hooks
	$(BIN)/python scripts/export.py

offline: check-config $(VENV)/.runtime  ## the classroom copy for file://, both editions zipped into dist/ (student: <course>-offline.zip)
	$(BIN)/python scripts/package_offline.py

pdf: check-config $(VENV)/.dev system-deps  ## printable handouts: student edition in dist/pdf/, instructor edition (+ answer key) in dist/pdf/instructor/; other languages in dist/pdf/<lang>/
	$(BIN)/python scripts/pdf.py

lms: check-config $(VENV)/.runtime  ## quizzes for Moodle (XML, GIFT) and Canvas (QTI zip) in dist/lms/, per lesson and whole
	$(BIN)/python scripts/lms.py

worksheets: check-config $(VENV)/.dev system-deps  ## printable quizzes, versions A and B with a key each, in dist/worksheets/
	$(BIN)/python scripts/worksheets.py

lesson: $(VENV)/.runtime  ## scaffold a lesson and add it to the nav: make lesson TITLE="Water and energy"
	$(BIN)/python scripts/new_lesson.py "$(TITLE)"

drop-lesson: $(VENV)/.runtime  ## drop a lesson and what belongs to it, list what still names it: make drop-lesson LESSON=06-comparing-regions
	$(BIN)/python scripts/manage_lesson.py drop "$(LESSON)"

renumber-lessons: $(VENV)/.runtime  ## after moving lessons in the nav: lesson numbers typed in links (Russian) set to the nav's
	$(BIN)/python scripts/manage_lesson.py renumber

rename-lesson: $(VENV)/.runtime  ## new file name (number) for a lesson, every reference rewritten: make rename-lesson LESSON=06-x TO=04-x
	$(BIN)/python scripts/manage_lesson.py rename "$(LESSON)" "$(TO)"

bench: check-config $(VENV)/.dev system-deps  ## build time, 10x scaling, page weight, Lighthouse (with Node), serve: bench-results/
	$(BIN)/python -m bench

readability: $(VENV)/.runtime  ## Flesch-Kincaid grade and sentences over 30 words, per lesson
	$(BIN)/python -m course.readability docs/lessons/[0-9]*.md

test: check-config system-deps $(VENV)/.dev node_modules/.installed  ## set up and run every test (unit, build, browser, HTML)
	$(BIN)/python -m pytest

test-fast: check-config $(VENV)/.dev node_modules/.installed  ## only the tests that need no browser
	$(BIN)/python -m pytest -m "not browser"

# mkdocs.yml checked before MkDocs reads it: an unquoted impossible date (start: 2027-02-29)
# would otherwise stop MkDocs with a Python traceback before any hook can explain it.
check-config: $(VENV)/.runtime
	@$(BIN)/python scripts/check_config.py mkdocs.yml mkdocs-offline.yml $(LANGUAGES) $(wildcard mkdocs-offline.??.yml)

# tests/template: what holds for any course built on this template (structure, links, quizzes,
# accessibility, contrast, privacy, budgets); a fork keeps them. tests/course: this course's content.
check: check-config system-deps $(VENV)/.dev node_modules/.installed  ## the template's checks, for any fork (browser part included)
	$(BIN)/python -m pytest tests/template

check-fast: check-config $(VENV)/.dev node_modules/.installed  ## the template's checks without the browser
	$(BIN)/python -m pytest tests/template -m "not browser"

# Debian's Chromium (browser tests) and a Java runtime (the HTML checker) are system
# packages: installed with apt when missing and we are root (as in CI), else explained.
system-deps:
	@$(PYTHON) scripts/system_deps.py

# The course's own code (scripts/course, the pure core) is installed too, editable, so
# hooks, scripts and tests import it by name (pyproject.toml lists what is installed).
$(VENV)/.runtime: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# The Nu HTML checker (vnu.jar), pinned in package.json + package-lock.json. Its install
# script (which would download a Java runtime) is skipped: Java comes from system-deps.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf site dist .pytest_cache
