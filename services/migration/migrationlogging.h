#pragma once

#include <QLoggingCategory>

// Logging category of the migration engine and its building blocks ("tm.migration").
Q_DECLARE_LOGGING_CATEGORY(lcMigration)
