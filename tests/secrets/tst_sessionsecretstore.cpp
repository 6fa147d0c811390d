// The in-memory store used when no keychain answers.
#include "sessionsecretstore.h"

#include "secrettestutil.h"

class TestSessionSecretStore : public QObject
{
    Q_OBJECT
private slots:
    void storeLoadOverwriteRemove();
    void keysAreSeparatePerCredential();
    void clearForgetsEverything();
};

void TestSessionSecretStore::storeLoadOverwriteRemove()
{
    SessionSecretStore store;
    const QString account = SecretTest::randomSid("AC");
    QVERIFY(!store.contains(account, account));
    QVERIFY(store.load(account, account).isEmpty());

    store.store(account, account, QStringLiteral("first"));
    QCOMPARE(store.load(account, account), QStringLiteral("first"));
    const QString handedOut = store.load(account, account);
    store.store(account, account, QStringLiteral("second"));
    QCOMPARE(store.load(account, account), QStringLiteral("second"));
    // Wiping our copy must not scribble over a copy already handed out.
    QCOMPARE(handedOut, QStringLiteral("first"));

    store.remove(account, account);
    QVERIFY(!store.contains(account, account));
    QVERIFY(store.load(account, account).isEmpty());
}

void TestSessionSecretStore::keysAreSeparatePerCredential()
{
    SessionSecretStore store;
    const QString account = SecretTest::randomSid("AC");
    const QString apiKey = SecretTest::randomSid("SK");
    store.store(account, account, QStringLiteral("token"));
    store.store(account, apiKey, QStringLiteral("key-secret"));
    QCOMPARE(store.load(account, account), QStringLiteral("token"));
    QCOMPARE(store.load(account, apiKey), QStringLiteral("key-secret"));
    store.remove(account, apiKey);
    QCOMPARE(store.load(account, account), QStringLiteral("token"));
}

void TestSessionSecretStore::clearForgetsEverything()
{
    SessionSecretStore store;
    const QString a = SecretTest::randomSid("AC");
    const QString b = SecretTest::randomSid("AC");
    store.store(a, a, QStringLiteral("one"));
    store.store(b, b, QStringLiteral("two"));
    store.clear();
    QVERIFY(!store.contains(a, a));
    QVERIFY(!store.contains(b, b));
}

QTEST_GUILESS_MAIN(TestSessionSecretStore)
#include "tst_sessionsecretstore.moc"
