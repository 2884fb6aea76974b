"""Pure model of the practice library and the self-assessment: load, validate, cross-reference.

No MkDocs imports here: the hooks, the command line and the tests all use this package.
"""
from .assessment import Assessment, load_assessment
from .library import FOLDER_OF_KIND, KIND_FOLDERS, KIND_TITLES, Entry, Library, load_library
from .problems import Problem, Problems, did_you_mean

__all__ = ["Assessment", "load_assessment", "FOLDER_OF_KIND", "KIND_FOLDERS", "KIND_TITLES", "Entry", "Library", "Problem", "Problems", "did_you_mean", "load_library"]
