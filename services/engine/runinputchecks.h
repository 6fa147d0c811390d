#pragma once

#include <QStringList>
#include <QUrl>

// Checks of step-4 input made before anything is sent: a bad selection or URL changes nothing.
namespace RunInputChecks {

// Empty when the SIDs are well-formed, distinct and not empty and a trunk is chosen.
QString checkSelection(const QStringList &numberSids, const QString &trunkSid);

// The URL to set: `given` when not empty, else the outbound handler of step 2. Empty with
// *problem set when there is none or it is not an https URL (or http to loopback).
QString voiceUrl(const QUrl &given, const QString &handlerUrl, QString *problem);

} // namespace RunInputChecks
