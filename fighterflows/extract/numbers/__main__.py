"""`python -m fighterflows.extract.numbers`: the number grammar over texts on stdin."""

import sys

from fighterflows.extract.numbers import main

sys.exit(main())
