import sys

from .commands.start import main

sys.exit(main())
