#include "expectedroute.h"

#include "callbehaviour.h"

#include <QUrl>

#include <algorithm>

namespace {
struct Target
{
    QString hostPort;
    QList<QPair<QString, QString>> parameters;
    int priority = 10;
    int weight = 10;
};

QVector<Target> targetsOf(const TrunkSummary &trunk, const RouteSpec &spec)
{
    QVector<Target> targets;
    if (!spec.pbxDomain.isEmpty()) {
        targets.append({spec.pbxDomain.toLower(), {}, 10, 10});
        return targets;
    }
    for (const OriginationInfo &url : trunk.originationUrls) {
        CallBehaviour::ParsedSipUrl parsed;
        if (!url.enabled || !CallBehaviour::parseSipUrl(url.sipUrl, &parsed).isEmpty())
            continue;
        Target target{parsed.host.toLower(), {}, url.priority, url.weight};
        for (const auto &[name, value] : parsed.parameters)
            target.parameters.append({name.toLower(), value});
        targets.append(target);
    }
    // Lower priority first; the order within one priority does not matter to the comparison.
    std::stable_sort(targets.begin(), targets.end(),
                     [](const Target &a, const Target &b) { return a.priority < b.priority; });
    return targets;
}

SipTarget sipTarget(const Target &target, const RouteSpec &spec, const SyntheticCall &call)
{
    QStringList chosen;
    QList<QPair<QString, QString>> options;
    if (spec.secure)
        options.append({QStringLiteral("secure"), QStringLiteral("true")});
    if (!spec.edge.isEmpty())
        options.append({QStringLiteral("edge"), spec.edge});
    for (const auto &[name, value] : spec.parameters)
        options.append({name.toLower(), value});
    for (const auto &option : options)
        chosen.append(option.first);
    SipTarget sip;
    sip.user = call.number;
    sip.hostPort = target.hostPort;
    for (const auto &parameter : target.parameters)
        if (!chosen.contains(parameter.first))
            sip.parameters.append(parameter);
    sip.parameters.append(options);
    if (spec.userToUser && !call.callSid.isEmpty())
        sip.headers.append({QStringLiteral("user-to-user"), call.callSid});
    if (spec.callerName && !call.callerName.isEmpty())
        sip.headers.append({QStringLiteral("x-caller-name"), call.callerName});
    return sip;
}

bool known(const TrunkSummary &trunk, const QString &setting, const QString &off,
           const QString &value)
{
    return !trunk.calls.unknown.contains(setting) && !value.isEmpty() && value != off;
}
} // namespace

CallRoute ExpectedRoute::build(const TrunkSummary &trunk, const RouteSpec &spec,
                               const SyntheticCall &call)
{
    const TrunkCallSettings &settings = trunk.calls;
    const bool recorded =
        spec.recording && known(trunk, QStringLiteral("recording"), QStringLiteral("do-not-record"),
                                settings.recordingMode);
    const bool transfers =
        spec.transfers && known(trunk, QStringLiteral("transfers"), QStringLiteral("disable-all"),
                                settings.transferMode);
    CallRoute route;
    for (const Target &target : targetsOf(trunk, spec)) {
        DialAttempt attempt;
        attempt.noun = QStringLiteral("Sip");
        attempt.sip = sipTarget(target, spec, call);
        attempt.callerId = call.from;
        attempt.timeout = QString::number(spec.ringTimeoutSeconds);
        attempt.timeLimit = QString::number(spec.timeLimitSeconds);
        if (recorded) {
            attempt.record = settings.recordingMode;
            attempt.trim = settings.recordingTrim;
        }
        attempt.answerOnBridge = true;
        attempt.referUrl = transfers;
        attempt.priority = target.priority;
        route.attempts.append(attempt);
    }
    if (spec.disasterRecovery && !settings.disasterRecoveryUrl.isEmpty()) {
        const QString method = settings.disasterRecoveryMethod.toUpper();
        route.exhausted = {CallEnd::Kind::Redirect,
                           (method.isEmpty() ? QStringLiteral("POST") : method) + u' ' +
                               QUrl(settings.disasterRecoveryUrl).toString(QUrl::FullyEncoded)};
    } else {
        route.exhausted = {CallEnd::Kind::Message, {}};
    }
    route.onBusy = {CallEnd::Kind::Reject, QStringLiteral("busy")};
    return route;
}
