#include "runinputchecks.h"

#include "validation.h"

#include <QCoreApplication>
#include <QSet>

namespace {
// The translation context of this file's texts, visible to lupdate.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RunInputChecks)
};
} // namespace

namespace RunInputChecks {

QString checkSelection(const QStringList &numberSids, const QString &trunkSid)
{
    if (trunkSid.isEmpty())
        return Tr::tr("Choose the trunk first (load its numbers).");
    if (numberSids.isEmpty())
        return Tr::tr("No numbers are selected.");
    for (const QString &sid : numberSids) {
        const QString problem = Validation::checkSid(sid, "PN", Tr::tr("The phone number SID"));
        if (!problem.isEmpty())
            return problem;
    }
    if (QSet<QString>(numberSids.begin(), numberSids.end()).size() != numberSids.size())
        return Tr::tr("A number is selected twice.");
    return {};
}

QString voiceUrl(const QUrl &given, const QString &handlerUrl, QString *problem)
{
    const QUrl url = given.isEmpty() ? QUrl(handlerUrl, QUrl::StrictMode) : given;
    if (url.isEmpty()) {
        *problem =
            Tr::tr("No voice URL: deploy the outbound handler (step 2) or give a voice URL.");
        return {};
    }
    *problem = Validation::checkWebhookUrl(url);
    return problem->isEmpty() ? url.toString(QUrl::FullyEncoded) : QString();
}

} // namespace RunInputChecks
