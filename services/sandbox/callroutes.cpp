// Calls list (with Twilio's filters) and fetch (API v2010). Calls are created only by the
// /_sandbox/SimulateCall control endpoint.
#include "formparams.h"
#include "sandboxcontext.h"
#include "sandboxpaging.h"
#include "sandboxrouter.h"
#include "sandboxroutes.h"
#include "validation.h"

#include <QDateTime>
#include <QJsonValue>

#include <optional>

namespace {

const QString kSpec = QStringLiteral("twilio_api_v2010.json");

// A StartTime filter value: a whole UTC day (YYYY-MM-DD) or an instant (YYYY-MM-DDTHH:mm:ssZ).
struct TimeBound
{
    QDateTime from; // inclusive
    QDateTime to;   // exclusive
};

std::optional<TimeBound> parseTimeBound(const QString &text)
{
    const QDate day = QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
    if (day.isValid() && text.size() == 10) {
        const QDateTime start(day, QTime(0, 0), Qt::UTC);
        return TimeBound{start, start.addDays(1)};
    }
    QDateTime instant = QDateTime::fromString(text, QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    if (!instant.isValid())
        return std::nullopt;
    instant.setTimeSpec(Qt::UTC);
    return TimeBound{instant, instant.addSecs(1)};
}

struct CallFilter
{
    FormParams query;
    std::optional<TimeBound> on, after, before;

    bool accepts(const QJsonObject &call) const
    {
        static const char *const exact[][2] = {{"To", "to"},
                                               {"From", "from"},
                                               {"Status", "status"},
                                               {"ParentCallSid", "parent_call_sid"}};
        for (const auto &pair : exact) {
            const QString wanted = query.value(QString::fromLatin1(pair[0]));
            if (!wanted.isEmpty() && call.value(QLatin1String(pair[1])).toString() != wanted)
                return false;
        }
        const QDateTime start =
            QDateTime::fromString(call.value(QLatin1String("start_time")).toString(), Qt::ISODate);
        if (on && (start < on->from || start >= on->to))
            return false;
        if (after && start < after->from) // StartTime> : on or after
            return false;
        if (before && start >= before->to) // StartTime< : on or before
            return false;
        return true;
    }
};

SandboxResponse listCalls(SandboxContext &c, const SandboxRequest &request, const RouteParams &)
{
    CallFilter filter{FormParams::parse(request.rawQuery), {}, {}, {}};
    const std::pair<const char *, std::optional<TimeBound> *> bounds[] = {
        {"StartTime", &filter.on}, {"StartTime>", &filter.after}, {"StartTime<", &filter.before}};
    for (const auto &[key, bound] : bounds) {
        const QString param = QString::fromLatin1(key);
        if (!filter.query.contains(param))
            continue;
        *bound = parseTimeBound(filter.query.value(param));
        if (!*bound)
            return SandboxResponse::invalidParameter(
                param + QStringLiteral(" must be YYYY-MM-DD or YYYY-MM-DDTHH:mm:ssZ"));
    }
    const QString parent = filter.query.value(QStringLiteral("ParentCallSid"));
    if (!parent.isEmpty() && !Validation::isSid(parent, "CA"))
        return SandboxResponse::invalidParameter(
            QStringLiteral("ParentCallSid is not a valid CA SID"));

    QList<QJsonObject> items;
    const QList<QJsonObject> calls = c.store.list(QStringLiteral("Calls"));
    // Twilio lists the newest call first.
    for (auto it = calls.crbegin(); it != calls.crend(); ++it) {
        if (filter.accepts(*it))
            items.append(*it);
    }
    return SandboxPaging::respondV2010(
        request, QStringLiteral("calls"), items,
        [&c](const QJsonObject &call) { return c.renderV2010(call); });
}

SandboxResponse fetchCall(SandboxContext &c, const SandboxRequest &request, const RouteParams &p)
{
    const auto call = c.store.find(QStringLiteral("Calls"), p.value(QStringLiteral("Sid")));
    if (!call)
        return SandboxResponse::notFound(request.path);
    return SandboxResponse::json(200, c.renderV2010(*call));
}

} // namespace

void SandboxRoutes::addCalls(SandboxRouter &router)
{
    const QString calls = QStringLiteral("/2010-04-01/Accounts/{AccountSid:AC}/Calls");
    router.add("GET", calls + QStringLiteral(".json"), kSpec, listCalls);
    router.add("GET", calls + QStringLiteral("/{Sid:CA}.json"), kSpec, fetchCall);
}
