"""mapper's shipped data, installed as the package ``mapper.data``.

Read it through :func:`mapper.geo.gazetteer.data_dir`; provenance and licences are in
this folder's README.md.  The ``build_*.py`` scripts beside it rebuild the files from
their sources and are not installed.
"""
