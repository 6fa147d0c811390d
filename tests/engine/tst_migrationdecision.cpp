// MigrationDecision: what step 4 still has to do for a number, from its live state.
#include "migrationdecision.h"

#include <QTest>

namespace {
const QString Trunk = QStringLiteral("TK0123456789abcdef0123456789abcdef");
const QString Other = QStringLiteral("TKfedcba9876543210fedcba9876543210");
const QString Url = QStringLiteral("https://x-1234.twil.io/outboundHandler");

IncomingPhoneNumber number(std::optional<QString> trunk, std::optional<QString> url,
                           std::optional<QString> method)
{
    IncomingPhoneNumber n;
    n.sid = QStringLiteral("PN0123456789abcdef0123456789abcdef");
    n.phoneNumber = QStringLiteral("+61255500001");
    n.trunkSid = trunk;
    n.voiceUrl = url;
    n.voiceMethod = method;
    return n;
}
} // namespace

class TestMigrationDecision : public QObject
{
    Q_OBJECT
private slots:
    void decide_data();
    void decide();
};

void TestMigrationDecision::decide_data()
{
    using V = MigrationDecision::Verdict;
    QTest::addColumn<IncomingPhoneNumber>("n");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<bool>("setUrl");
    QTest::addColumn<bool>("remove");
    const auto post = std::optional(QStringLiteral("POST"));
    QTest::newRow("on trunk, no URL")
        << number(Trunk, std::nullopt, post) << int(V::Migrate) << true << true;
    QTest::newRow("on trunk, other URL")
        << number(Trunk, QStringLiteral("https://pbx/v"), post) << int(V::Migrate) << true << true;
    QTest::newRow("on trunk, URL set but GET")
        << number(Trunk, Url, QStringLiteral("GET")) << int(V::Migrate) << true << true;
    QTest::newRow("on trunk, URL set: only removal")
        << number(Trunk, Url, post) << int(V::Migrate) << false << true;
    QTest::newRow("off trunk with URL: done")
        << number(std::nullopt, Url, post) << int(V::AlreadyMigrated) << false << false;
    QTest::newRow("trunk_sid empty string with URL")
        << number(QString(), Url, post) << int(V::AlreadyMigrated) << false << false;
    QTest::newRow("off trunk without URL")
        << number(std::nullopt, std::nullopt, post) << int(V::NotOnTrunk) << false << false;
    QTest::newRow("another trunk")
        << number(Other, std::nullopt, post) << int(V::OnAnotherTrunk) << false << false;
}

void TestMigrationDecision::decide()
{
    QFETCH(IncomingPhoneNumber, n);
    QFETCH(int, verdict);
    QFETCH(bool, setUrl);
    QFETCH(bool, remove);
    const MigrationDecision d = MigrationDecision::decide(n, Trunk, Url);
    QCOMPARE(int(d.verdict), verdict);
    QCOMPARE(d.setVoiceUrl, setUrl);
    QCOMPARE(d.removeFromTrunk, remove);
    const bool refused = verdict == int(MigrationDecision::Verdict::OnAnotherTrunk) ||
                         verdict == int(MigrationDecision::Verdict::NotOnTrunk);
    QCOMPARE(!d.refusal(n).isEmpty(), refused);
}

QTEST_GUILESS_MAIN(TestMigrationDecision)
#include "tst_migrationdecision.moc"
