"""Pure model of the practice library and the self-assessment: load, validate, cross-reference, and
compile into a docs tree that a site engine builds (see model/compile/).

No MkDocs imports here: the command line, the compiler and the tests all use this package.
"""
from .assessment import Assessment, load_assessment
from .kinds import Kind, Link
from .library import Entry, Library, load_library
from .problems import Problem, Problems, did_you_mean

__all__ = ["Assessment", "load_assessment", "Kind", "Link", "Entry", "Library", "Problem", "Problems", "did_you_mean",
           "load_library"]
