#pragma once

#include <QLoggingCategory>

// Logging category of the command-line front end ("tm.cli").
Q_DECLARE_LOGGING_CATEGORY(lcCli)
