// SecretStore with no Secret Service at all: ctest points DBUS_SESSION_BUS_ADDRESS at a socket
// that does not exist. Every call must say NoBackend quickly, and no secret may reach the disk.
#include "secrettestutil.h"
#include "sessionsecretstore.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

using SecretTest::await;

class TestSecretStoreNoBackend : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void storeReportsNoBackendQuickly();
    void loadAndRemoveReportNoBackend();
    void noSecretReachesTheDisk();
    void sessionStoreKeepsTheSecret();

private:
    SecretReply call(std::function<void(SecretStore::Callback)> start, qint64 *elapsedMs = nullptr);
    static bool treeContains(const QString &root, const QByteArray &needle);

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretStore> m_store;
    QString m_account = SecretTest::randomSid("AC");
    QString m_secret = SecretTest::randomSecret();
};

SecretReply TestSecretStoreNoBackend::call(std::function<void(SecretStore::Callback)> start,
                                           qint64 *elapsedMs)
{
    QElapsedTimer timer;
    timer.start();
    const std::optional<SecretReply> reply = await(start, 10000);
    if (elapsedMs)
        *elapsedMs = timer.elapsed();
    return reply.value_or(SecretReply{SecretStatus::OtherError, QStringLiteral("no reply"), {}});
}

bool TestSecretStoreNoBackend::treeContains(const QString &root, const QByteArray &needle)
{
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            return true;
    }
    return false;
}

void TestSecretStoreNoBackend::initTestCase()
{
    QVERIFY(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(u"nonexistent"));
    // Test mode keeps QSettings and data locations out of the user's real folders, and a unique
    // organisation name is where QtKeychain's (disabled) plaintext fallback would have written.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("tm-test-") + m_account);
    QCoreApplication::setApplicationName(QStringLiteral("trunk-migrator"));
    QVERIFY(m_dir.isValid());
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    m_store = std::make_unique<SecretStore>(m_settings.get());
    m_store->setTimeout(5000);
}

void TestSecretStoreNoBackend::storeReportsNoBackendQuickly()
{
    qint64 elapsed = -1;
    const SecretReply reply =
        call([&](auto done) { m_store->store(m_account, m_account, m_secret, done); }, &elapsed);
    QCOMPARE(reply.status, SecretStatus::NoBackend);
    QVERIFY(reply.message.contains(QStringLiteral("session only")));
    QVERIFY(!reply.message.contains(m_secret));
    // The bus cannot even be reached, so this must not wait for the keychain timeout.
    QVERIFY2(elapsed < 2000, qPrintable(QString::number(elapsed)));
    QVERIFY(m_store->rememberedAccounts().isEmpty());
}

void TestSecretStoreNoBackend::loadAndRemoveReportNoBackend()
{
    QCOMPARE(call([&](auto done) { m_store->load(m_account, m_account, done); }).status,
             SecretStatus::NoBackend);
    QCOMPARE(call([&](auto done) { m_store->remove(m_account, m_account, done); }).status,
             SecretStatus::NoBackend);
}

void TestSecretStoreNoBackend::noSecretReachesTheDisk()
{
    const QByteArray needle = m_secret.toUtf8();
    m_settings->sync();
    QVERIFY(!treeContains(m_dir.path(), needle));
    QSettings fallback; // QtKeychain's insecure fallback store, for this organisation
    QVERIFY(fallback.allKeys().isEmpty());
    const QList<QStandardPaths::StandardLocation> locations{
        QStandardPaths::GenericConfigLocation, QStandardPaths::GenericDataLocation,
        QStandardPaths::AppDataLocation, QStandardPaths::CacheLocation};
    for (const auto location : locations)
        QVERIFY(!treeContains(QStandardPaths::writableLocation(location), needle));
}

void TestSecretStoreNoBackend::sessionStoreKeepsTheSecret()
{
    SessionSecretStore session;
    session.store(m_account, m_account, m_secret);
    QVERIFY(session.contains(m_account, m_account));
    QCOMPARE(session.load(m_account, m_account), m_secret);
    m_settings->sync();
    QVERIFY(!treeContains(m_dir.path(), m_secret.toUtf8()));
}

QTEST_GUILESS_MAIN(TestSecretStoreNoBackend)
#include "tst_secretstore_nobackend.moc"
