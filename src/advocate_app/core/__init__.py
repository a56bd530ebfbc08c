"""The core: articles, the library store, officials, the profile, letters and the web.

No Qt, ever: a test imports every module here and fails if PySide6 is loaded.
"""
