#include "enginelogging.h"

Q_LOGGING_CATEGORY(lcEngine, "tm.engine")
