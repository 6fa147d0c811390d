#include "setuplogging.h"

Q_LOGGING_CATEGORY(lcSetup, "tm.setup")
