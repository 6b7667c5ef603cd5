"""The bundle's entry point (PyInstaller runs a script, not a console_scripts entry).

The same as the installed ``gadeplan`` command: ``gadeplan.app.entry:main``, which opens the window
when no command is given. Nothing in the program uses multiprocessing, so no
``freeze_support()`` is needed; ``self-test`` starts its Qt child as this executable again with
ordinary arguments.
"""

import sys

from gadeplan.app.entry import main

if __name__ == "__main__":
    sys.exit(main())
