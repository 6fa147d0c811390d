// SecretStore against a real Secret Service (gnome-keyring on a private session bus, started by
// the project's test command). No skipping: without a keychain this test must fail.
#include "secrettestutil.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

using SecretTest::await;

class TestSecretStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void storeLoadOverwriteRemove();
    void apiKeyReplacesAuthTokenForAccount();
    void forgetAllRemovesEveryIndexedEntry();
    void invalidSidsAreRefused();

private:
    SecretReply call(std::function<void(SecretStore::Callback)> start);
    QString settingsText() const;

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretStore> m_store;
    QString m_account = SecretTest::randomSid("AC");
    QString m_apiKey = SecretTest::randomSid("SK");
};

SecretReply TestSecretStore::call(std::function<void(SecretStore::Callback)> start)
{
    const std::optional<SecretReply> reply = await(start);
    return reply.value_or(SecretReply{SecretStatus::OtherError, QStringLiteral("no reply"), {}});
}

QString TestSecretStore::settingsText() const
{
    m_settings->sync();
    QFile file(m_settings->fileName());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

void TestSecretStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    m_store = std::make_unique<SecretStore>(m_settings.get());
    m_store->setTimeout(15000);
}

void TestSecretStore::cleanupTestCase()
{
    // Leave nothing behind in the developer's keyring, whatever failed above.
    if (!m_store)
        return;
    call([&](auto done) { m_store->remove(m_account, m_account, done); });
    call([&](auto done) { m_store->remove(m_account, m_apiKey, done); });
}

void TestSecretStore::storeLoadOverwriteRemove()
{
    const QString first = SecretTest::randomSecret();
    SecretReply reply = call([&](auto done) { m_store->store(m_account, m_account, first, done); });
    QVERIFY2(reply.ok(), qPrintable(reply.message));
    QVERIFY(reply.secret.isEmpty());
    QCOMPARE(m_store->rememberedCredentialSid(m_account), m_account);

    reply = call([&](auto done) { m_store->load(m_account, m_account, done); });
    QVERIFY2(reply.ok(), qPrintable(reply.message));
    QCOMPARE(reply.secret, first);

    const QString second = SecretTest::randomSecret();
    reply = call([&](auto done) { m_store->store(m_account, m_account, second, done); });
    QVERIFY2(reply.ok(), qPrintable(reply.message));
    reply = call([&](auto done) { m_store->load(m_account, m_account, done); });
    QCOMPARE(reply.secret, second);

    // The index on disk names the account, never the secret.
    const QString text = settingsText();
    QVERIFY(text.contains(m_account));
    QVERIFY(!text.contains(first));
    QVERIFY(!text.contains(second));

    reply = call([&](auto done) { m_store->remove(m_account, m_account, done); });
    QVERIFY2(reply.ok(), qPrintable(reply.message));
    QVERIFY(m_store->rememberedCredentialSid(m_account).isEmpty());

    reply = call([&](auto done) { m_store->load(m_account, m_account, done); });
    QCOMPARE(reply.status, SecretStatus::NotFound);
    QVERIFY(reply.secret.isEmpty());
    QVERIFY(!reply.message.isEmpty());

    // Removing again is not an error: the entry is gone either way.
    reply = call([&](auto done) { m_store->remove(m_account, m_account, done); });
    QVERIFY2(reply.ok(), qPrintable(reply.message));
}

void TestSecretStore::apiKeyReplacesAuthTokenForAccount()
{
    const QString token = SecretTest::randomSecret();
    const QString keySecret = SecretTest::randomSecret();
    QVERIFY(call([&](auto done) { m_store->store(m_account, m_account, token, done); }).ok());
    QVERIFY(call([&](auto done) { m_store->store(m_account, m_apiKey, keySecret, done); }).ok());
    QCOMPARE(m_store->rememberedCredentialSid(m_account), m_apiKey);

    SecretReply reply = call([&](auto done) { m_store->load(m_account, m_apiKey, done); });
    QCOMPARE(reply.secret, keySecret);
    // The replaced auth token is dropped from the keychain: its removal was queued before this
    // load (QtKeychain runs jobs in order), so the load must find nothing.
    QCOMPARE(call([&](auto done) { m_store->load(m_account, m_account, done); }).status,
             SecretStatus::NotFound);

    QVERIFY(call([&](auto done) { m_store->remove(m_account, m_apiKey, done); }).ok());
}

void TestSecretStore::forgetAllRemovesEveryIndexedEntry()
{
    const QString other = SecretTest::randomSid("AC");
    const QString secretA = SecretTest::randomSecret();
    const QString secretB = SecretTest::randomSecret();
    QVERIFY(call([&](auto done) { m_store->store(m_account, m_account, secretA, done); }).ok());
    QVERIFY(call([&](auto done) { m_store->store(other, other, secretB, done); }).ok());
    QStringList remembered = m_store->rememberedAccounts();
    QVERIFY(remembered.contains(m_account));
    QVERIFY(remembered.contains(other));

    const SecretReply reply = call([&](auto done) { m_store->forgetAll(done); });
    QVERIFY2(reply.ok(), qPrintable(reply.message));
    QVERIFY(m_store->rememberedAccounts().isEmpty());
    QCOMPARE(call([&](auto done) { m_store->load(m_account, m_account, done); }).status,
             SecretStatus::NotFound);
    QCOMPARE(call([&](auto done) { m_store->load(other, other, done); }).status,
             SecretStatus::NotFound);
}

void TestSecretStore::invalidSidsAreRefused()
{
    const QString secret = SecretTest::randomSecret();
    SecretReply reply =
        call([&](auto done) { m_store->store(QStringLiteral("AC123"), m_account, secret, done); });
    QCOMPARE(reply.status, SecretStatus::OtherError);
    QVERIFY(reply.message.contains(QStringLiteral("AC123")));
    QVERIFY(!reply.message.contains(secret));

    // A credential must be the account itself (auth token) or an API key.
    reply = call(
        [&](auto done) { m_store->store(m_account, SecretTest::randomSid("PN"), secret, done); });
    QCOMPARE(reply.status, SecretStatus::OtherError);
    QVERIFY(m_store->rememberedAccounts().isEmpty());
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
