"""`make bench`: build time, scaling to 10x content, citations, page weight, Lighthouse, serve.

A benchmark, not a timed test: a shared machine is noisy, so each step compares things
measured in the same run (A/B alternated, ratios) and checks them against the budgets in
issue 9. Every step prints one line as it runs; the end prints one table and writes it as
JSON to bench-results/.

    .venv/bin/python -m bench                 # everything (about 5 minutes on 2 cores)
    .venv/bin/python -m bench --only weight   # one step (overhead, scaling, citations,
                                                      # weight, lighthouse, serve)
    .venv/bin/python -m bench --runs 9        # more A/B builds in step 1

Every build goes to a scratch copy of the project in a temporary folder; the project gets
only bench-results/ and, for Lighthouse, bench/node_modules (both ignored by git).
Build times are the build process's CPU time, steadier than wall-clock time on a busy machine.

One module per step (overhead, scaling, citations, weight, lighthouse, serve), each a
`step_*(report, ...)` function that adds rows; settings.py holds the paths and budgets,
report.py the table and JSON, worker.py the timed build (a fresh process per build),
freeze.py the written-out course of step 1, synthetic.py the 10x course of step 2.
"""
