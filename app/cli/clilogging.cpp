#include "clilogging.h"

Q_LOGGING_CATEGORY(lcCli, "tm.cli")
