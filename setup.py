"""Only what pyproject.toml cannot say: the data build scripts are not installed.

``data/`` is installed as the package ``mapper.data`` (see pyproject.toml), and
setuptools installs every ``.py`` file of a package; the scripts that rebuild the data
(``data/build_*.py``) need build-time packages and are no use to an installed mapper.
"""
from setuptools import setup
from setuptools.command.build_py import build_py


class _BuildPy(build_py):
    def find_package_modules(self, package: str, package_dir: str) -> list:
        modules = super().find_package_modules(package, package_dir)
        if package == "mapper.data":
            return [m for m in modules if m[1] == "__init__"]
        return modules


setup(cmdclass={"build_py": _BuildPy})
