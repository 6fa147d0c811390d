#include "setupchecks.h"

#include "migrationtypes.h"
#include "setuprun.h"
#include "validation.h"

#include <QCoreApplication>

namespace SetupChecks {

QString checkTrunk(const QString &optionsTrunkSid, const TrunkSummary &trunk)
{
    if (const QString e = Validation::checkSid(
            trunk.sid, "TK", QCoreApplication::translate("SetupChecks", "The trunk SID"));
        !e.isEmpty())
        return e;
    if (!optionsTrunkSid.isEmpty() && optionsTrunkSid != trunk.sid)
        return QCoreApplication::translate("SetupChecks",
                                           "The options name trunk %1 but the trunk given is %2.")
            .arg(optionsTrunkSid.left(40), trunk.sid);
    return {};
}

QString beginRun(SetupRun &recorder, const QString &problem, const QString &trunkSid,
                 const QString &kind)
{
    if (problem.isEmpty() && !recorder.beginRun(trunkSid, kind))
        return recorder.errorString();
    return problem;
}

} // namespace SetupChecks
