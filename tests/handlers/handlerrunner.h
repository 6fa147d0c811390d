#pragma once

#include <QJsonArray>
#include <QString>
#include <QStringList>

// Runs a handler file under Node.js through run_handler.js: one node process for a whole list
// of {context, event} cases, one line of output per case.
class HandlerRunner
{
public:
    // Empty when node and the twilio package are there, else what to do about it.
    static QString checkEnvironment();
    // The TwiML (or "ERROR: ...") of each case; empty with error set when node failed.
    static QStringList run(const QString &handlerFile, const QJsonArray &cases, QString *error);
};
