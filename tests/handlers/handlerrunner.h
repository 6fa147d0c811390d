#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <utility>

class HandlerGenerator;

// Runs a handler file under Node.js through run_handler.js: one node process for a whole list
// of {context, event} cases, one line of output per case.
class HandlerRunner
{
public:
    // Empty when node and the twilio package are there, else what to do about it.
    static QString checkEnvironment();
    // The TwiML (or "ERROR: ...") of each case; empty with error set when node failed.
    static QStringList run(const QString &handlerFile, const QJsonArray &cases, QString *error);
    // Exports generator's handlers (PBX domain pbx.example.net) into a temporary folder and runs
    // the cases against one of them ("outboundHandler.js", ...); empty with error set on failure.
    static QStringList runGenerated(HandlerGenerator &generator, const QString &file,
                                    const QJsonArray &cases, QString *error);
};

namespace HandlerTest {
// A whole TwiML document around body, as the twilio package writes it.
inline QString xml(const QString &body)
{
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>") + body +
           QStringLiteral("</Response>");
}

// A request's parameters from UTF-8 name/value pairs: ev({{"To", "+61..."}, {"From", ...}}).
inline QJsonObject ev(std::initializer_list<std::pair<const char *, const char *>> values)
{
    QJsonObject object;
    for (const auto &[name, value] : values)
        object.insert(QString::fromUtf8(name), QString::fromUtf8(value));
    return object;
}

// One case for run_handler.js.
inline QJsonObject request(const QJsonObject &event, const QJsonObject &context = {})
{
    return QJsonObject{{QStringLiteral("context"), context}, {QStringLiteral("event"), event}};
}

// One request and the TwiML expected for it.
struct Case
{
    const char *name;
    QJsonObject event;
    QString expected;
    QJsonObject context = {};
};

// In a _data function: the columns "actual" and "expected", once.
void addColumns();
// In a _data function: runs every case through file of generator's export (one node process)
// and adds a row per case.
void addRows(HandlerGenerator &generator, const QString &file, const QList<Case> &cases);
} // namespace HandlerTest
