#pragma once

#include <QLoggingCategory>

// Logging category of the set-up steps 1-3 ("tm.setup"). SIDs only, never credentials.
Q_DECLARE_LOGGING_CATEGORY(lcSetup)
