#include "migrationlogging.h"

Q_LOGGING_CATEGORY(lcMigration, "tm.migration")
