#pragma once

#include <QLoggingCategory>

// "tm.secrets": key names and outcomes only. A secret must never reach this category.
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
