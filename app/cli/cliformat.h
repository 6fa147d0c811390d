#pragma once

#include "migrationbackend.h"
#include "migrationtypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// How engine results look on the command line: JSON objects for --json (field names in
// snake_case, like Twilio's own answers) and short words for the plain-text tables.
namespace CliFormat {

QString stateName(NumberState state); // "on-trunk", "migrated", "failed", ...
QString operationName(MigrationBackend::Operation operation); // "Loading the numbers", ...
QString errorText(const OperationError &error);               // "HTTP 404, Twilio 20404: message"

// Step 3 as plain text, one "key: value" a line so a script can grep it.
QString sheetText(const CutoverSheet &sheet);

QJsonObject toJson(const OperationError &error);
QJsonObject toJson(const TrunkSummary &trunk);
QJsonObject toJson(const NumberInfo &number);
QJsonObject toJson(const CallInfo &call);
QJsonObject toJson(const MigrationPlan &plan);
QJsonObject toJson(const RunSummary &summary);
QJsonObject toJson(const InterruptedRun &run);
QJsonObject toJson(const InboundResult &result);
QJsonObject toJson(const OutboundResult &result);
QJsonObject toJson(const CutoverSheet &sheet);
QJsonArray toJson(const QVector<NamedSid> &list);
QJsonObject toJson(const EquivalenceReport &report, const QStringList &accepted);
QString carryName(EquivalenceItem::Carry carry); // "same", "translated", "lost"
// The report as text: one block per setting; what needs --accept-change is marked.
QString equivalenceText(const EquivalenceReport &report, const QStringList &accepted);

} // namespace CliFormat
