#include "routecomparison.h"

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

// The expected attempt each actual one is compared with: one of the same host and the same
// parameters if any is left, else one of the same host (two URLs may share a host and differ
// by transport), else, when the hosts differ, the first expected (its settings still count).
static QVector<const DialAttempt *> pairUp(const CallRoute &expected, const CallRoute &actual)
{
    QVector<const DialAttempt *> pairs;
    QVector<bool> used(expected.attempts.size(), false);
    const auto take = [&](const DialAttempt &got, bool exact) -> const DialAttempt * {
        for (qsizetype i = 0; i < expected.attempts.size(); ++i) {
            const DialAttempt &want = expected.attempts[i];
            if (!used[i] && want.sip.hostPort == got.sip.hostPort &&
                (!exact || want.sip.address() == got.sip.address())) {
                used[i] = true;
                return &want;
            }
        }
        return nullptr;
    };
    for (const DialAttempt &got : actual.attempts) {
        const DialAttempt *want = take(got, true);
        pairs.append(want ? want : take(got, false));
    }
    for (qsizetype i = 0; i < pairs.size(); ++i)
        if (!pairs[i] && !expected.attempts.isEmpty())
            pairs[i] = &expected.attempts.first();
    return pairs;
}

QVector<RouteDifference> RouteComparison::compare(const CallRoute &expected,
                                                  const CallRoute &actual)
{
    QVector<RouteDifference> differences;
    QSet<QString> reported;
    if (!sameTargets(expected.attempts, actual.attempts)) {
        differences.append(
            {QStringLiteral("targets"), targetList(expected, true), targetList(actual, false)});
        reported.insert(QStringLiteral("targets"));
    }
    const QVector<const DialAttempt *> pairs = pairUp(expected, actual);
    for (qsizetype i = 0; i < actual.attempts.size(); ++i) {
        const DialAttempt &got = actual.attempts[i];
        const DialAttempt *want = pairs[i];
        if (!want)
            continue;
        // The same host may stand in two priorities (other parameters): tried in the wrong one.
        if (i < expected.attempts.size() && want->priority != expected.attempts[i].priority &&
            !reported.contains(QStringLiteral("targets"))) {
            differences.append({QStringLiteral("targets"), targetList(expected, true),
                                tr("%1 tried in place of a priority %2 target")
                                    .arg(got.sip.address())
                                    .arg(expected.attempts[i].priority)});
            reported.insert(QStringLiteral("targets"));
        }
        if (got.noun != QLatin1String("Sip")) {
            // Not a SIP leg to the PBX at all: its SIP fields would only be noise.
            if (!reported.contains(QStringLiteral("targets")))
                differences.append({QStringLiteral("targets"), tr("SIP to the PBX"),
                                    tr("<%1> %2").arg(got.noun, got.number)});
            reported.insert(QStringLiteral("targets"));
            continue;
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
    // A handler that fails (an HTTP error, no TwiML, an action elsewhere) is its own point.
    if (actual.exhausted.kind == CallEnd::Kind::Error)
        differences.append({QStringLiteral("handler"), tr("TwiML for every step of the call"),
                            actual.exhausted.text()});
    else if (!(expected.exhausted == actual.exhausted))
        differences.append({QStringLiteral("disaster-recovery"), expected.exhausted.text(),
                            actual.exhausted.text()});
    if (!actual.attempts.isEmpty() && !(expected.onBusy == actual.onBusy))
        differences.append({QStringLiteral("busy"), expected.onBusy.text(), actual.onBusy.text()});
    return differences;
}
