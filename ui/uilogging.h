#pragma once

#include <QLoggingCategory>

// Logging category of the wizard ("tm.ui"). SIDs may be logged, secrets never.
Q_DECLARE_LOGGING_CATEGORY(lcUi)
