#include "enginefixture.h"

#include "voiceapi.h"

#include <QTest>

#include <algorithm>

EngineFixture::EngineFixture(const SandboxOptions &options)
    : m_server(std::make_unique<SandboxServer>(options))
    , m_client(std::make_unique<TwilioClient>())
{}

QString EngineFixture::start()
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary folder");
    QString error;
    if (!m_server->start(&error))
        return error;
    return m_client->configure(TwilioCredentials{m_server->accountSid(), {}, m_server->authToken()},
                               TwilioEndpoint{{}, {}, m_server->baseUrl()});
}

QString EngineFixture::journalPath() const
{
    return m_dir.filePath(QStringLiteral("state/journal.sqlite"));
}

ConnectionSettings EngineFixture::settings() const
{
    ConnectionSettings s;
    s.sandbox = false;
    s.accountSid = m_server->accountSid();
    s.secret = m_server->authToken();
    s.baseUrl = m_server->baseUrl();
    return s;
}

QUrl EngineFixture::handlerUrl()
{
    return QUrl(QStringLiteral("https://trunk-migrator-4821.twil.io/outboundHandler"));
}

std::unique_ptr<MigrationService> EngineFixture::newService(QString *problem)
{
    auto service = std::make_unique<MigrationService>();
    service->setJournalPath(journalPath());
    service->setOperatorName(QStringLiteral("tester"));
    QSignalSpy connected(service.get(), &MigrationBackend::connected);
    QSignalSpy failed(service.get(), &MigrationBackend::failed);
    service->connectAccount(settings());
    if (!QTest::qWaitFor([&] { return !connected.isEmpty() || !failed.isEmpty(); }, 15000) ||
        connected.isEmpty()) {
        *problem = failed.isEmpty() ? QStringLiteral("connect timed out")
                                    : failed.first().at(1).value<OperationError>().message;
        return nullptr;
    }
    QSignalSpy loaded(service.get(), &MigrationBackend::numbersLoaded);
    service->loadNumbers(m_server->trunkSid());
    if (!QTest::qWaitFor([&] { return !loaded.isEmpty() || failed.size() > 0; }, 15000) ||
        loaded.isEmpty()) {
        *problem = QStringLiteral("loading the numbers failed");
        return nullptr;
    }
    return service;
}

QHash<QString, IncomingPhoneNumber> EngineFixture::numbers()
{
    QHash<QString, IncomingPhoneNumber> out;
    bool done = false;
    m_client->voice().listIncomingPhoneNumbers(
        {}, &m_context, [&](const TwilioResult<QList<IncomingPhoneNumber>> &r) {
            for (const IncomingPhoneNumber &n : r.value)
                out.insert(n.sid, n);
            done = true;
        });
    if (!QTest::qWaitFor([&] { return done; }, 15000))
        qWarning("listing the numbers timed out");
    return out;
}

QStringList EngineFixture::mainTrunkSids()
{
    QList<IncomingPhoneNumber> onTrunk;
    const auto all = numbers();
    for (const IncomingPhoneNumber &n : all)
        if (n.trunkSid == m_server->trunkSid())
            onTrunk.append(n);
    std::sort(onTrunk.begin(), onTrunk.end(),
              [](const auto &a, const auto &b) { return a.phoneNumber < b.phoneNumber; });
    QStringList sids;
    for (const IncomingPhoneNumber &n : onTrunk)
        sids.append(n.sid);
    return sids;
}

std::optional<RunSummary> waitRun(MigrationService &service, const std::function<void()> &start,
                                  int timeoutMs)
{
    QSignalSpy finished(&service, &MigrationBackend::runFinished);
    QSignalSpy failed(&service, &MigrationBackend::failed);
    start();
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, timeoutMs) ||
        finished.isEmpty())
        return std::nullopt;
    return finished.first().at(0).value<RunSummary>();
}

QJsonObject voiceFields(const IncomingPhoneNumber &number)
{
    QJsonObject out;
    for (const char *key :
         {"voice_url", "voice_method", "voice_fallback_url", "voice_fallback_method",
          "status_callback", "status_callback_method", "voice_application_sid", "trunk_sid"})
        out.insert(QLatin1String(key), number.raw.value(QLatin1String(key)));
    return out;
}
