"""The PySide6 program. The only package that imports Qt."""
