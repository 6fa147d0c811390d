#include "routecomparison.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace {
QString onOff(bool on)
{
    return on ? RouteComparison::tr("on") : RouteComparison::tr("off");
}

QString orNone(const QString &text)
{
    return text.isEmpty() ? RouteComparison::tr("none") : text;
}

QString recording(const DialAttempt &a)
{
    return a.record.isEmpty() ? RouteComparison::tr("not recorded")
                              : a.record + QStringLiteral(", ") + a.trim;
}

SipTarget withoutSecure(SipTarget sip)
{
    sip.parameters.removeIf([](const auto &p) { return p.first == QLatin1String("secure"); });
    return sip;
}

// Whether the targets come in the expected priority groups: per group the same addresses.
bool sameTargets(const QVector<DialAttempt> &expected, const QVector<DialAttempt> &actual)
{
    if (expected.size() != actual.size())
        return false;
    qsizetype start = 0;
    while (start < expected.size()) {
        qsizetype end = start;
        while (end < expected.size() && expected[end].priority == expected[start].priority)
            ++end;
        QStringList want, got;
        for (qsizetype i = start; i < end; ++i) {
            want.append(expected[i].sip.hostPort);
            got.append(actual[i].sip.hostPort);
        }
        want.sort();
        got.sort();
        if (want != got)
            return false;
        start = end;
    }
    return true;
}

struct Field
{
    const char *key;
    QString (*text)(const DialAttempt &);
};

const Field kFields[] = {
    {"called-number",
     [](const DialAttempt &a) {
         return a.sip.user;
     }},
    {"uri-parameters",
     [](const DialAttempt &a) {
         return orNone(withoutSecure(a.sip).parameterText());
     }},
    {"secure",
     [](const DialAttempt &a) {
         return onOff(a.sip.value(QStringLiteral("secure")) == QLatin1String("true"));
     }},
    {"sip-headers",
     [](const DialAttempt &a) {
         return orNone(a.sip.headerText());
     }},
    {"caller-id",
     [](const DialAttempt &a) {
         return orNone(a.callerId);
     }},
    {"ring-timeout",
     [](const DialAttempt &a) {
         return orNone(a.timeout);
     }},
    {"time-limit",
     [](const DialAttempt &a) {
         return orNone(a.timeLimit);
     }},
    {"recording", recording},
    {"answer-supervision",
     [](const DialAttempt &a) {
         return onOff(a.answerOnBridge);
     }},
    {"transfers",
     [](const DialAttempt &a) {
         return onOff(a.referUrl);
     }},
};
} // namespace

QString RouteComparison::targetList(const CallRoute &route, bool withPriority)
{
    QStringList list;
    for (const DialAttempt &a : route.attempts) {
        const QString target =
            a.noun == QLatin1String("Sip") || a.number.isEmpty() ? a.sip.hostPort : a.number;
        list.append(withPriority ? tr("%1 (priority %2)").arg(target).arg(a.priority) : target);
    }
    return list.isEmpty() ? tr("none") : list.join(QStringLiteral(", "));
}

QVector<RouteDifference> RouteComparison::compare(const CallRoute &expected,
                                                  const CallRoute &actual)
{
    QVector<RouteDifference> differences;
    const bool targetsMatch = sameTargets(expected.attempts, actual.attempts);
    if (!targetsMatch)
        differences.append(
            {QStringLiteral("targets"), targetList(expected, true), targetList(actual, false)});
    // Each target tried is compared with the expected one of the same address.
    QHash<QString, const DialAttempt *> byAddress;
    for (const DialAttempt &a : expected.attempts)
        byAddress.insert(a.sip.hostPort, &a);
    QSet<QString> reported;
    for (const DialAttempt &got : actual.attempts) {
        const DialAttempt *want = byAddress.value(got.sip.hostPort);
        if (!want && !expected.attempts.isEmpty() && !targetsMatch)
            want = &expected.attempts.first(); // a wrong host: its settings still compared
        if (!want)
            continue;
        if (got.noun != QLatin1String("Sip") && !reported.contains(QStringLiteral("targets"))) {
            differences.append({QStringLiteral("targets"), tr("SIP to the PBX"),
                                tr("<%1> %2").arg(got.noun, got.number)});
            reported.insert(QStringLiteral("targets"));
        }
        for (const Field &field : kFields) {
            const QString key = QLatin1String(field.key);
            const QString want_ = field.text(*want);
            const QString got_ = field.text(got);
            if (want_ != got_ && !reported.contains(key)) {
                reported.insert(key);
                differences.append({key, want_, tr("%1 (at %2)").arg(got_, got.sip.hostPort)});
            }
        }
    }
    if (!(expected.exhausted == actual.exhausted))
        differences.append({QStringLiteral("disaster-recovery"), expected.exhausted.text(),
                            actual.exhausted.text()});
    if (!actual.attempts.isEmpty() && !(expected.onBusy == actual.onBusy))
        differences.append({QStringLiteral("busy"), expected.onBusy.text(), actual.onBusy.text()});
    return differences;
}
