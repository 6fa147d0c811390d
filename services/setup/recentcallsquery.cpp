#include "recentcallsquery.h"

#include "operationerrors.h"
#include "twilioclient.h"
#include "validation.h"
#include "voiceapi.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace {

// "sip:+61255501234@acme.sip.twilio.com;transport=tls" -> "acme.sip.twilio.com"
QString sipHost(const QString &address)
{
    if (!address.startsWith(QLatin1String("sip:"), Qt::CaseInsensitive))
        return {};
    QString rest = address.mid(4);
    const qsizetype at = rest.lastIndexOf(u'@');
    if (at >= 0)
        rest = rest.mid(at + 1);
    const qsizetype end = rest.indexOf(u';') >= 0 ? rest.indexOf(u';') : rest.indexOf(u':');
    if (end >= 0)
        rest.truncate(end);
    return rest.toLower();
}

QString domainOf(const QString &input)
{
    QString host = input.trimmed();
    if (host.startsWith(QLatin1String("sip:"), Qt::CaseInsensitive))
        host = sipHost(host);
    return host.contains(u'.') && Validation::isHostName(host) ? host.toLower() : QString();
}

QDateTime startOf(const CallRecord &call)
{
    QDateTime time = QDateTime::fromString(call.startTime, Qt::RFC2822Date);
    if (!time.isValid())
        time = QDateTime::fromString(call.startTime, Qt::ISODate);
    return time.toUTC();
}

} // namespace

CallInfo RecentCallsQuery::infoOf(const CallRecord &call)
{
    CallInfo info;
    info.sid = call.sid;
    info.parentCallSid = call.parentCallSid.value_or(QString());
    info.from = call.from;
    info.to = call.to;
    info.direction = call.direction;
    info.status = call.status;
    info.startTime = startOf(call);
    const QJsonValue duration = call.raw.value(QLatin1String("duration"));
    info.duration =
        duration.isString() ? duration.toString() : QString::number(call.durationSeconds);
    return info;
}

namespace {

bool newerFirst(const CallRecord &a, const CallRecord &b)
{
    const QDateTime ta = startOf(a), tb = startOf(b);
    return ta != tb ? ta > tb : a.sid > b.sid;
}

} // namespace

RecentCallsQuery::RecentCallsQuery(TwilioClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

RecentCallsQuery::RecentCallsQuery(TwilioClient *client, Journal *, AuditLog *, const QString &,
                                   QObject *parent)
    : RecentCallsQuery(client, parent)
{}

QString RecentCallsQuery::check(const QString &numberOrDomain)
{
    if (Validation::isE164(numberOrDomain.trimmed()) || !domainOf(numberOrDomain).isEmpty())
        return {};
    return tr("\"%1\" is neither a phone number in E.164 form (+61255501234) nor a SIP domain "
              "(acme.sip.twilio.com).")
        .arg(numberOrDomain.left(64));
}

void RecentCallsQuery::start(const QString &numberOrDomain)
{
    if (m_running)
        return;
    m_found.clear();
    m_children.clear();
    m_calls.clear();
    m_number.clear();
    m_domain.clear();
    m_running = true;
    if (const QString problem = check(numberOrDomain); !problem.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this, problem] {
                m_running = false;
                emit failed(makeOperationError(problem));
            },
            Qt::QueuedConnection);
        return;
    }
    emit progress(tr("Looking for recent calls"), 0, 2);
    if (Validation::isE164(numberOrDomain.trimmed())) {
        m_number = numberOrDomain.trimmed();
        CallFilter to = windowFilter();
        to.to = m_number;
        CallFilter from = windowFilter();
        from.from = m_number;
        list(to);
        list(from);
    } else {
        m_domain = domainOf(numberOrDomain);
        list(windowFilter());
    }
}

void RecentCallsQuery::cancel()
{
    m_running = false;
    for (const TwilioHandle &call : std::as_const(m_calls))
        call.cancel();
    m_calls.clear();
}

CallFilter RecentCallsQuery::windowFilter() const
{
    CallFilter filter;
    // Bounds the listing: a busy number or a domain-wide search would otherwise page through
    // the account's whole history.
    filter.startTimeAfter =
        QDateTime::currentDateTimeUtc().date().addDays(-m_windowDays).toString(Qt::ISODate);
    return filter;
}

bool RecentCallsQuery::onDomain(const CallRecord &call) const
{
    return sipHost(call.to) == m_domain || sipHost(call.from) == m_domain;
}

void RecentCallsQuery::fail(const TwilioError &error)
{
    cancel();
    emit failed(toOperationError(tr("Listing the recent calls"), error));
}

void RecentCallsQuery::list(const CallFilter &filter)
{
    ++m_pending;
    m_calls.append(m_client->voice().listCalls(
        filter, this, [this](const TwilioResult<QList<CallRecord>> &result) {
            if (!m_running)
                return;
            if (!result.ok()) {
                fail(result.error);
                return;
            }
            listed(result.value);
        }));
}

void RecentCallsQuery::listed(const QList<CallRecord> &calls)
{
    for (const CallRecord &call : calls) {
        if (!Validation::isSid(call.sid, "CA"))
            continue; // a broken entry: nothing to show or to look up
        if (m_domain.isEmpty() || onDomain(call))
            m_found.insert(call.sid, call);
    }
    if (--m_pending == 0)
        fetchChildren();
}

void RecentCallsQuery::fetchChildren()
{
    QList<CallRecord> roots;
    for (const CallRecord &call : std::as_const(m_found)) {
        // A leg whose parent was found too is shown under that parent.
        if (!m_found.contains(call.parentCallSid.value_or(QString())))
            roots.append(call);
    }
    std::sort(roots.begin(), roots.end(), newerFirst);
    if (roots.size() > m_limit)
        roots = roots.mid(0, m_limit);
    m_found.clear();
    for (const CallRecord &root : std::as_const(roots))
        m_found.insert(root.sid, root);
    emit progress(tr("Looking for the other leg of each call"), 1, 2);
    for (const CallRecord &root : std::as_const(roots)) {
        if (root.parentCallSid.value_or(QString()).isEmpty()) {
            CallFilter filter;
            filter.parentCallSid = root.sid;
            ++m_pending;
            m_calls.append(m_client->voice().listCalls(
                filter, this, [this, parent = root.sid](const TwilioResult<QList<CallRecord>> &r) {
                    if (!m_running)
                        return;
                    if (!r.ok()) {
                        fail(r.error);
                        return;
                    }
                    for (const CallRecord &child : r.value) {
                        if (Validation::isSid(child.sid, "CA") &&
                            child.parentCallSid.value_or(QString()) == parent)
                            m_children[parent].append(child);
                    }
                    if (--m_pending == 0)
                        complete();
                }));
        }
    }
    if (m_pending == 0)
        complete();
}

void RecentCallsQuery::complete()
{
    QList<CallRecord> roots = m_found.values();
    std::sort(roots.begin(), roots.end(), newerFirst);
    QVector<CallInfo> result;
    QSet<QString> seen;
    const auto add = [&](const CallRecord &call) {
        if (result.size() < m_limit && !seen.contains(call.sid)) {
            seen.insert(call.sid);
            result.append(infoOf(call));
        }
    };
    // Each call followed by the legs it dialled, so the two legs of a test call sit together.
    for (const CallRecord &root : std::as_const(roots)) {
        add(root);
        QList<CallRecord> children = m_children.value(root.sid);
        std::sort(children.begin(), children.end(), newerFirst);
        for (const CallRecord &child : std::as_const(children))
            add(child);
    }
    m_running = false;
    m_calls.clear();
    emit progress(tr("Recent calls found"), 2, 2);
    emit finished(result);
}
