#pragma once

#include <QLoggingCategory>

// Logging category of the step-4 engine and its service facade ("tm.engine"). Lines carry SIDs
// and phone numbers, never credentials.
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
