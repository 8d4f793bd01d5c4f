"""Where a batch run's work runs: `local` (this process and worker processes) or `ray` (Ray Data).

Both are driven by the one skeleton, :func:`translator.corpus.run.run_skeleton`, through the
:class:`translator.corpus.run.Executor` protocol (prepare → process → write_tables), and both run the same
stages (:mod:`translator.corpus.stages`). ``run_batch(..., executor="local"|"ray")`` chooses one by name; the
modules are imported on use, because Ray is optional.
"""

__all__: list[str] = []
