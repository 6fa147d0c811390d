#include "secretslogging.h"

Q_LOGGING_CATEGORY(lcSecrets, "tm.secrets")
