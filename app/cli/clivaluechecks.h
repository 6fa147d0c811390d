#pragma once

#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

// Syntax checks of command-line values that Validation (services/common) does not cover. Each
// returns an empty string when the value is acceptable, else one translated sentence. Messages
// never repeat a URL's user-info part, which could hold a password.
namespace CliChecks {

// "+61255501234,+61255501235" (repeatable option values) -> numbers, duplicates removed.
QString parseNumberList(const QStringList &values, QStringList *numbers);
QString checkRegion(const QString &region);           // us1, au1, ie1, ...
QString checkEdge(const QString &edge);               // sydney, sao-paulo, ...
QString checkDomainPrefix(const QString &prefix);     // one DNS label
QString checkHost(const QString &host);               // host name or IPv4, optional :port
QString checkCallTarget(const QString &target);       // E.164 or a SIP domain name
QString checkBaseUrl(const QUrl &url);                // http(s); plain http only to loopback
QString checkWebhook(const QString &text, QUrl *url); // https, or http to loopback
QString parseSipParameter(const QString &text, QPair<QString, QString> *parameter);
QString parseInt(const QString &text, int min, int max, const QString &what, int *value);

} // namespace CliChecks
