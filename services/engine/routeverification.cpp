#include "routeverification.h"

#include "engineerrors.h"
#include "enginelogging.h"
#include "expectedroute.h"
#include "handlerprobe.h"
#include "journal.h"
#include "numberinventory.h"
#include "routecomparison.h"
#include "sipdomainapi.h"
#include "trunksummaryloader.h"
#include "twilioclient.h"
#include "twimlreader.h"
#include "voiceapi.h"
#include "webhookclient.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

#include <algorithm>

namespace {
QString normalized(const QString &url)
{
    return QUrl(url).toString(QUrl::FullyEncoded);
}

// A CallSid for the synthetic call to `number`: stable, so the handler's weighted order (seeded
// by the CallSid) is the same on every run.
QString callSidFor(const QString &number)
{
    return QStringLiteral("CA") +
           QString::fromLatin1(QCryptographicHash::hash("trunk-migrator verify " + number.toUtf8(),
                                                        QCryptographicHash::Md5)
                                   .toHex());
}

// The emergency number of the caller's country (resources/handlers/inboundHandler.js).
QString emergencyNumberFor(const QString &e164)
{
    static const QList<QPair<QString, QString>> table{
        {QStringLiteral("+1"), QStringLiteral("911")},
        {QStringLiteral("+44"), QStringLiteral("999")},
        {QStringLiteral("+61"), QStringLiteral("000")},
        {QStringLiteral("+64"), QStringLiteral("111")},
        {QStringLiteral("+353"), QStringLiteral("112")},
        {QStringLiteral("+49"), QStringLiteral("112")},
        {QStringLiteral("+33"), QStringLiteral("112")}};
    for (const auto &[code, number] : table)
        if (e164.startsWith(code))
            return number;
    return QStringLiteral("112");
}

// The hosts a simulated call tried, in order (route steps of /_sandbox/SimulateCall).
QStringList hostsTried(const QJsonArray &route)
{
    QStringList hosts;
    for (const QJsonValue &value : route) {
        const QJsonObject step = value.toObject();
        QString uri = step.value(QLatin1String("origination")).toString();
        if (uri.isEmpty() && step.value(QLatin1String("verb")).toString() == QLatin1String("Dial"))
            uri = step.value(QLatin1String("target")).toString();
        const SipTarget target = SipTarget::parse(uri);
        if (!target.hostPort.isEmpty())
            hosts.append(target.hostPort);
    }
    return hosts;
}
} // namespace

RouteVerification::RouteVerification(const EngineContext &context, const Setup &setup,
                                     QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_setup(setup)
    , m_network(new QNetworkAccessManager(this))
    , m_webhooks(new WebhookClient(m_network, setup.authToken, setup.sandboxBase, this))
{
    m_report.method = setup.sandboxBase.isValid()
                          ? tr("the deployed handlers run by signed requests, and simulated "
                               "calls on the sandbox")
                          : tr("the deployed handlers run by signed requests");
    for (const EquivalenceItem &item : setup.calls.report.items)
        if (item.carry == EquivalenceItem::Carry::Lost)
            m_report.acceptedChanges.append(item.title + QStringLiteral(": ") + item.after);
}

QVector<NumberInfo> RouteVerification::choose(const QVector<NumberInfo> &rows,
                                              const QStringList &sids, bool all, QString *problem)
{
    QVector<NumberInfo> chosen;
    for (const QString &sid : sids) {
        const auto found = std::find_if(rows.cbegin(), rows.cend(),
                                        [&](const NumberInfo &n) { return n.sid == sid; });
        if (found == rows.cend()) {
            *problem =
                tr("%1 is neither on the trunk nor moved off it by Trunk Migrator.").arg(sid);
            return {};
        }
        chosen.append(*found);
    }
    if (!sids.isEmpty())
        return chosen;
    for (const NumberInfo &n : rows)
        if (all || n.trunkSid.isEmpty())
            chosen.append(n);
    if (chosen.isEmpty())
        *problem = all ? tr("The trunk has no numbers.")
                       : tr("No number has moved off the trunk yet, so no route can be verified "
                            "as moved; name numbers (or all of them) to check the route each "
                            "will take.");
    return chosen;
}

QVector<NumberInfo> RouteVerification::withTestNumber(const QVector<NumberInfo> &rows,
                                                      const QStringList &sids) const
{
    // Step 2's test number may be a spare one, never on the trunk: named, it is verified too
    // (the route its calls take through the handler against the trunk's).
    const QString test =
        m_context.journal
            ->setupValue(m_context.accountSid, QStringLiteral("outbound.test_number_sid"))
            .value_or(QString());
    if (test.isEmpty() || !sids.contains(test) ||
        std::any_of(rows.cbegin(), rows.cend(), [&](const NumberInfo &n) { return n.sid == test; }))
        return rows;
    QVector<NumberInfo> result = rows;
    NumberInfo spare;
    spare.sid = test;
    spare.state = NumberState::NotOnTrunk;
    result.append(spare);
    return result;
}

void RouteVerification::start(const QString &trunkSid, const QVector<TrunkSummary> &known,
                              const QStringList &numberSids, bool all)
{
    auto *loader = new TrunkSummaryLoader(m_context, known, trunkSid, this);
    connect(loader, &TrunkSummaryLoader::failed, this, &RouteVerification::failed);
    connect(loader, &TrunkSummaryLoader::found, this,
            [this, loader, numberSids, all](const TrunkSummary &trunk) {
                loader->deleteLater();
                m_trunk = trunk;
                m_report.trunkSid = trunk.sid;
                auto *inventory = new NumberInventory(m_context, trunk.sid, this);
                connect(inventory, &NumberInventory::failed, this, &RouteVerification::failed);
                connect(inventory, &NumberInventory::loaded, this,
                        [this, inventory, numberSids, all](const QString &,
                                                           const QVector<NumberInfo> &rows) {
                            inventory->deleteLater();
                            QString problem;
                            const QVector<NumberInfo> chosen =
                                choose(withTestNumber(rows, numberSids), numberSids, all, &problem);
                            if (!problem.isEmpty())
                                return emit failed(EngineErrors::local(problem));
                            verifyNumbers(chosen);
                        });
                inventory->start();
            });
    loader->start();
}

void RouteVerification::verifyNumbers(const QVector<NumberInfo> &numbers)
{
    m_numbers = numbers;
    m_report.numbers.resize(numbers.size());
    verifyEmergency();
    for (int i = 0; i < Parallel; ++i)
        next();
    finishIfDone();
}

void RouteVerification::next()
{
    if (m_next < m_numbers.size())
        verifyNumber(m_next++);
}

void RouteVerification::verifyNumber(int index)
{
    const NumberInfo &info = m_numbers.at(index);
    NumberVerification &v = m_report.numbers[index];
    v.sid = info.sid;
    v.phoneNumber = info.phoneNumber;
    m_context.client->voice().fetchIncomingPhoneNumber(
        info.sid, this, [this, index](const TwilioResult<IncomingPhoneNumber> &r) {
            NumberVerification &v = m_report.numbers[index];
            if (!r.ok()) {
                v.checked = false;
                v.note = tr("Could not read the number: %1").arg(r.error.toDisplayString());
                v.differences.append({QStringLiteral("number"), tr("readable"), v.note});
                m_report.incomplete = true;
                return numberDone(index);
            }
            const IncomingPhoneNumber &number = r.value;
            v.phoneNumber = number.phoneNumber;
            v.moved = number.trunkSid.value_or(QString()) != m_trunk.sid;
            const RouteSpec &spec = m_setup.calls.route;
            if (!v.moved) {
                if (number.isFax()) {
                    v.checked = false;
                    v.note = tr("A fax number: it stays on the trunk.");
                    return numberDone(index);
                }
                v.note = tr("On the trunk: the route through the handler it gets when it moves.");
                return compareRoute(index, QUrl(spec.handlerUrl));
            }
            const QString voiceUrl = number.voiceUrl.value_or(QString());
            if (normalized(voiceUrl) != normalized(spec.handlerUrl)) {
                v.differences.append({QStringLiteral("voice-url"), spec.handlerUrl,
                                      voiceUrl.isEmpty() ? tr("none") : voiceUrl});
                v.route = tr("not followed: the voice URL is not the handler");
                return numberDone(index);
            }
            const QString method = number.voiceMethod.value_or(QStringLiteral("POST")).toUpper();
            if (method != QLatin1String("POST"))
                v.differences.append(
                    {QStringLiteral("voice-method"), QStringLiteral("POST"), method});
            // Replace and Clear alike give the number step 2's fallback (CallEquivalence::
            // numberUpdate); Keep leaves the number's own, which verify cannot know.
            if (m_setup.calls.staleFallback != CallChoices::StaleUrl::Keep) {
                const QString want = m_setup.calls.fallbackUrl;
                const QString got = number.voiceFallbackUrl.value_or(QString());
                const QString wantMethod = m_setup.calls.fallbackMethod.toUpper();
                const QString gotMethod =
                    number.voiceFallbackMethod.value_or(QStringLiteral("POST")).toUpper();
                if (normalized(want) != normalized(got))
                    v.differences.append({QStringLiteral("fallback-url"),
                                          want.isEmpty() ? tr("none") : want,
                                          got.isEmpty() ? tr("none") : got});
                else if (!want.isEmpty() && wantMethod != gotMethod)
                    v.differences.append(
                        {QStringLiteral("fallback-method"), wantMethod, gotMethod});
            }
            compareRoute(index, QUrl(voiceUrl));
        });
}

void RouteVerification::compareRoute(int index, const QUrl &voiceUrl)
{
    NumberVerification &v = m_report.numbers[index];
    SyntheticCall call{v.phoneNumber, QString(Caller), callSidFor(v.phoneNumber),
                       m_setup.calls.route.callerName ? QStringLiteral("TM VERIFY") : QString()};
    auto *probe = new HandlerProbe(m_webhooks, this);
    connect(probe, &HandlerProbe::finished, this, [this, index, call, probe](const CallRoute &now) {
        probe->deleteLater();
        NumberVerification &v = m_report.numbers[index];
        const CallRoute expected = ExpectedRoute::build(m_trunk, m_setup.calls.route, call);
        v.differences.append(RouteComparison::compare(expected, now));
        m_report.incomplete = m_report.incomplete || now.unreachable;
        v.route =
            RouteComparison::targetList(now, false) + QStringLiteral("; ") + now.exhausted.text();
        if (v.moved && m_setup.sandboxBase.isValid())
            return simulate(index);
        numberDone(index);
    });
    probe->start(voiceUrl, call, m_context.accountSid);
}

void RouteVerification::simulate(int index)
{
    const NumberVerification &v = m_report.numbers.at(index);
    const CallRoute expected = ExpectedRoute::build(m_trunk, m_setup.calls.route,
                                                    {v.phoneNumber, QString(Caller), {}, {}});
    QStringList first;
    for (const DialAttempt &a : expected.attempts)
        if (a.priority == expected.attempts.first().priority)
            first.append(a.sip.hostPort);
    m_webhooks->control(
        QStringLiteral("/_sandbox/SimulateCall"),
        {{QStringLiteral("From"), QString(Caller)}, {QStringLiteral("To"), v.phoneNumber}},
        m_context.accountSid, this, [this, index, first](const WebhookClient::Answer &a) {
            NumberVerification &v = m_report.numbers[index];
            const QJsonObject answer = QJsonDocument::fromJson(a.body).object();
            const QStringList hosts = hostsTried(answer.value(QLatin1String("route")).toArray());
            const QJsonArray calls = answer.value(QLatin1String("calls")).toArray();
            const int legs = int(calls.size());
            const QString status =
                calls.isEmpty()
                    ? QString()
                    : calls.first().toObject().value(QLatin1String("status")).toString();
            if (!a.error.isEmpty())
                v.differences.append({QStringLiteral("simulated-call"), tr("placed"), a.error});
            else if (hosts.isEmpty() || (!first.isEmpty() && !first.contains(hosts.first())))
                v.differences.append({QStringLiteral("simulated-call"),
                                      tr("rings %1 first").arg(first.join(tr(" or "))),
                                      hosts.isEmpty() ? tr("rang no target")
                                                      : tr("rang %1 first").arg(hosts.first())});
            else
                v.route += QStringLiteral("; ") +
                           (status == QLatin1String("completed")
                                ? tr("simulated call: %n leg(s), answered at %1", nullptr, legs)
                                      .arg(hosts.last())
                                : tr("simulated call: %n leg(s), %1", nullptr, legs).arg(status));
            numberDone(index);
        });
}

void RouteVerification::numberDone(int index)
{
    Q_UNUSED(index)
    ++m_done;
    emit progress(m_done, int(m_numbers.size()));
    next();
    finishIfDone();
}

void RouteVerification::verifyEmergency()
{
    const RouteSpec &spec = m_setup.calls.route;
    if (!spec.emergency || m_setup.inbound.domainSid.isEmpty()) {
        m_accountDone = true;
        return;
    }
    m_context.client->sipDomains().fetchSipDomain(
        m_setup.inbound.domainSid, this, [this](const TwilioResult<SipDomain> &r) {
            if (!r.ok()) {
                m_report.account.append({QStringLiteral("emergency-calling"), tr("on"),
                                         tr("unknown: %1").arg(r.error.toDisplayString())});
                return accountDone();
            }
            if (!r.value.emergencyCallingEnabled)
                m_report.account.append({QStringLiteral("emergency-calling"), tr("on"), tr("off")});
            const QString caller = emergencyCaller();
            const QString digits = emergencyNumberFor(caller);
            const QString to = QStringLiteral("sip:%1@%2").arg(digits, r.value.domainName);
            const QUrl handler(r.value.voiceUrl.value_or(QString()));
            // Step 1 deploys /inboundHandler beside /outboundHandler; anything else on the
            // domain is not ours to send signed requests to.
            const QUrl expected = QUrl(m_setup.calls.route.handlerUrl)
                                      .resolved(QUrl(QStringLiteral("inboundHandler")));
            if (normalized(handler.toString()) != normalized(expected.toString())) {
                m_report.account.append({QStringLiteral("handler"), expected.toString(),
                                         handler.isEmpty() ? tr("none") : handler.toString()});
                return accountDone();
            }
            const WebhookSignature::Parameters call{
                {QStringLiteral("AccountSid"), m_context.accountSid},
                {QStringLiteral("ApiVersion"), QStringLiteral("2010-04-01")},
                {QStringLiteral("CallSid"), callSidFor(to)},
                {QStringLiteral("CallStatus"), QStringLiteral("ringing")},
                {QStringLiteral("Direction"), QStringLiteral("inbound")},
                {QStringLiteral("From"), QStringLiteral("sip:%1@pbx.invalid").arg(caller)},
                {QStringLiteral("To"), to}};
            m_webhooks->post(
                handler, call, this,
                [this, handler, digits, caller, to](const WebhookClient::Answer &a) {
                    const TwimlAnswer twiml = TwimlReader::read(a.body, handler);
                    const QString want = tr("<Dial><Number>%1</Number>").arg(digits);
                    if (!a.error.isEmpty())
                        m_report.account.append({QStringLiteral("emergency"), want, a.error});
                    else if (!twiml.dial || twiml.dial->number != digits)
                        m_report.account.append(
                            {QStringLiteral("emergency"), want,
                             twiml.dial ? tr("<Dial> %1")
                                              .arg(twiml.dial->number + twiml.dial->sip.hostPort)
                                        : twiml.end.text()});
                    if (!m_setup.sandboxBase.isValid())
                        return accountDone();
                    m_webhooks->control(
                        QStringLiteral("/_sandbox/SimulateCall"),
                        {{QStringLiteral("From"), QStringLiteral("sip:%1@pbx.invalid").arg(caller)},
                         {QStringLiteral("To"), to}},
                        m_context.accountSid, this, [this, digits](const WebhookClient::Answer &s) {
                            const QJsonArray route = QJsonDocument::fromJson(s.body)
                                                         .object()
                                                         .value(QLatin1String("route"))
                                                         .toArray();
                            const bool reached =
                                !route.isEmpty() && route.first()
                                                            .toObject()
                                                            .value(QLatin1String("emergency"))
                                                            .toString() == digits;
                            if (!reached)
                                m_report.account.append(
                                    {QStringLiteral("emergency"),
                                     tr("emergency routing (%1)").arg(digits),
                                     s.error.isEmpty()
                                         ? tr("the simulated call was not routed there")
                                         : s.error});
                            accountDone();
                        });
                });
        });
}

QString RouteVerification::emergencyCaller() const
{
    // A number with an emergency address: its country picks the emergency number. Once moved,
    // such numbers are no longer in the trunk's facts, but step 2 kept their SIDs.
    for (const NumberInfo &n : m_numbers)
        if (m_setup.calls.emergencySids.contains(n.sid))
            return n.phoneNumber;
    if (!m_trunk.numbers.emergencyNumbers.isEmpty())
        return m_trunk.numbers.emergencyNumbers.first().phoneNumber;
    for (const NumberInfo &n : m_numbers)
        if (!n.phoneNumber.isEmpty())
            return n.phoneNumber;
    return QString(Caller);
}

void RouteVerification::accountDone()
{
    m_accountDone = true;
    finishIfDone();
}

void RouteVerification::finishIfDone()
{
    if (m_accountDone && m_done == m_numbers.size() && !m_finished) {
        m_finished = true;
        emit finished(m_report);
    }
}
