#include "setupfixture.h"

#include "inboundsetup.h"
#include "outboundsetup.h"

#include "trunkingapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>

SetupFixture::SetupFixture(int numbers)
{
    SandboxOptions options;
    options.numbers = numbers;
    m_server = std::make_unique<SandboxServer>(options);
    m_client = std::make_unique<TwilioClient>();
    // Fast builds: the deployers poll every 20 ms in the tests.
    m_server->setBuildDurationMs(60);
}

QString SetupFixture::start()
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary folder");
    QString error;
    if (!m_server->start(&error))
        return error;
    error =
        m_client->configure(TwilioCredentials{m_server->accountSid(), {}, m_server->authToken()},
                            TwilioEndpoint{{}, {}, m_server->baseUrl()});
    if (!error.isEmpty())
        return error;
    if (!m_journal.open(m_dir.filePath(QStringLiteral("journal.db"))))
        return m_journal.errorString();
    m_audit = std::make_unique<AuditLog>(m_journal.store());
    return {};
}

TrunkSummary SetupFixture::trunkSummary()
{
    TrunkSummary summary;
    const QString sid = trunkSid();
    const auto trunk = await<Trunk>([&](QObject *c, TwilioCallback<Trunk> done) {
        return m_client->trunking().fetchTrunk(sid, c, done);
    });
    summary.sid = trunk.value.sid;
    summary.friendlyName = trunk.value.friendlyName;
    summary.terminationDomain = trunk.value.domainName;
    const auto urls =
        await<QList<OriginationUrl>>([&](QObject *c, TwilioCallback<QList<OriginationUrl>> done) {
            return m_client->trunking().listOriginationUrls(sid, c, done);
        });
    for (const OriginationUrl &url : urls.value)
        summary.originationUrls.append(
            {url.sid, url.friendlyName, url.sipUrl, url.priority, url.weight, url.enabled});
    const auto acls =
        await<QList<SipAuthList>>([&](QObject *c, TwilioCallback<QList<SipAuthList>> done) {
            return m_client->trunking().listTrunkIpAccessControlLists(sid, c, done);
        });
    for (const SipAuthList &acl : acls.value)
        summary.ipAccessControlLists.append({acl.sid, acl.friendlyName});
    const auto creds =
        await<QList<SipAuthList>>([&](QObject *c, TwilioCallback<QList<SipAuthList>> done) {
            return m_client->trunking().listTrunkCredentialLists(sid, c, done);
        });
    for (const SipAuthList &list : creds.value)
        summary.credentialLists.append({list.sid, list.friendlyName});
    return summary;
}

QList<QJsonObject> SetupFixture::simulateCall(const QString &from, const QString &to)
{
    QUrl url = m_server->baseUrl();
    url.setPath(QStringLiteral("/_sandbox/SimulateCall"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader(
        "Authorization",
        "Basic " + (m_server->accountSid() + u':' + m_server->authToken()).toUtf8().toBase64());
    const QByteArray body =
        "From=" + QUrl::toPercentEncoding(from) + "&To=" + QUrl::toPercentEncoding(to);
    QNetworkReply *reply = m_nam.post(request, body);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        reply->abort();
    const QJsonArray calls =
        QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("calls")).toArray();
    reply->deleteLater();
    QList<QJsonObject> legs;
    for (const QJsonValue &call : calls)
        legs.append(call.toObject());
    return legs;
}

std::optional<OutboundResult> SetupFixture::runStepsOneAndTwo(const QString &testNumberSid,
                                                              QString *error)
{
    const TrunkSummary trunk = trunkSummary();
    const QStringList accepted{QStringLiteral("fallback")};
    InboundSetup inbound(client(), journal(), audit(), accountSid());
    inbound.setBuildTiming(20, 5000);
    QSignalSpy inDone(&inbound, &InboundSetup::finished);
    QSignalSpy inFailed(&inbound, &InboundSetup::failed);
    InboundOptions in;
    in.domainPrefix = QStringLiteral("acme-pbx");
    in.calls.accepted = accepted;
    inbound.start(in, trunk);
    if (!waitForOutcome(inDone, inFailed) || inDone.isEmpty()) {
        *error = QStringLiteral("step 1: ") + failureMessage(inFailed);
        return std::nullopt;
    }
    OutboundSetup outbound(client(), journal(), audit(), accountSid());
    outbound.setBuildTiming(20, 5000);
    QSignalSpy outDone(&outbound, &OutboundSetup::finished);
    QSignalSpy outFailed(&outbound, &OutboundSetup::failed);
    OutboundOptions out;
    out.testNumberSid = testNumberSid;
    out.calls.accepted = accepted;
    outbound.start(out, trunk);
    if (!waitForOutcome(outDone, outFailed) || outDone.isEmpty()) {
        *error = QStringLiteral("step 2: ") + failureMessage(outFailed);
        return std::nullopt;
    }
    return outDone.first().first().value<OutboundResult>();
}
