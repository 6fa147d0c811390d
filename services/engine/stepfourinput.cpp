#include "stepfourinput.h"

#include "validation.h"

#include <QCoreApplication>
#include <QSet>

namespace StepFourInput {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("StepFourInput", text);
}
} // namespace

QString checkSelection(const QStringList &numberSids, const QString &trunkSid)
{
    if (trunkSid.isEmpty())
        return tr("Choose the trunk first (load its numbers).");
    if (numberSids.isEmpty())
        return tr("No numbers are selected.");
    for (const QString &sid : numberSids) {
        const QString problem = Validation::checkSid(sid, "PN", tr("The phone number SID"));
        if (!problem.isEmpty())
            return problem;
    }
    if (QSet<QString>(numberSids.begin(), numberSids.end()).size() != numberSids.size())
        return tr("A number is selected twice.");
    return {};
}

QString voiceUrl(const QUrl &given, const QString &handlerUrl, QString *problem)
{
    const QUrl url = given.isEmpty() ? QUrl(handlerUrl, QUrl::StrictMode) : given;
    if (url.isEmpty()) {
        *problem = tr("No voice URL: deploy the outbound handler (step 2) or give a voice URL.");
        return {};
    }
    *problem = Validation::checkWebhookUrl(url);
    return problem->isEmpty() ? url.toString(QUrl::FullyEncoded) : QString();
}

} // namespace StepFourInput
