// WebhookSignature against the `twilio` package's own getExpectedTwilioSignature (what the
// sandbox's protected Functions check and what Twilio sends), on Twilio's documented example
// and on the awkward cases: repeated names, non-ASCII, empty values, a query string.
#include "handlerrunner.h"
#include "webhooksignature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

namespace {
struct SignCase
{
    const char *name;
    QString url;
    WebhookSignature::Parameters parameters;
};

QList<SignCase> cases()
{
    return {
        {"Twilio's example",
         QStringLiteral("https://mycompany.com/myapp.php?foo=1&bar=2"),
         {{"CallSid", "CA1234567890ABCDE"},
          {"Caller", "+12349013030"},
          {"Digits", "1234"},
          {"From", "+12349013030"},
          {"To", "+18005551212"}}},
        {"no parameters",
         QStringLiteral("https://tm-1234-dev.twil.io/outboundHandler?attempt=2"),
         {}},
        {"repeated name",
         QStringLiteral("https://tm-1234-dev.twil.io/x"),
         {{"B", "2"}, {"A", "z"}, {"A", "a"}, {"A", "z"}}},
        {"non-ASCII and empty",
         QStringLiteral("https://tm-1234-dev.twil.io/x"),
         {{"CallerName", QStringLiteral("Zoë Ångström")}, {"Empty", ""}, {"a", "lower first?"}}},
    };
}

// The twilio package's answer for each case (arrays for repeated names, as Express gives them).
QStringList nodeSignatures(const QByteArray &token)
{
    QJsonArray input;
    for (const SignCase &c : cases()) {
        QJsonObject params;
        for (const auto &[name, value] : c.parameters) {
            const QJsonValue old = params.value(name);
            if (old.isUndefined())
                params.insert(name, value);
            else if (old.isArray()) {
                QJsonArray values = old.toArray();
                values.append(value);
                params.insert(name, values);
            } else
                params.insert(name, QJsonArray{old, value});
        }
        input.append(
            QJsonObject{{QStringLiteral("url"), c.url}, {QStringLiteral("params"), params}});
    }
    QProcess node;
    node.setWorkingDirectory(QStringLiteral(TM_SOURCE_DIR "/tests/handlers"));
    node.start(
        QStringLiteral("node"),
        {QStringLiteral("-e"),
         QStringLiteral("const t = require('twilio'); const [token, json] = "
                        "process.argv.slice(1); for (const c of JSON.parse(json)) "
                        "console.log(t.getExpectedTwilioSignature(token, c.url, c.params));"),
         QString::fromLatin1(token),
         QString::fromUtf8(QJsonDocument(input).toJson(QJsonDocument::Compact))});
    if (!node.waitForFinished(30000) || node.exitCode() != 0)
        return {};
    return QString::fromUtf8(node.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
}
} // namespace

class TestWebhookSignature : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        const QString problem = HandlerRunner::checkEnvironment();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void sameAsTheTwilioPackage()
    {
        const QByteArray token = "12345";
        const QStringList expected = nodeSignatures(token);
        const QList<SignCase> all = cases();
        QCOMPARE(expected.size(), all.size());
        QCOMPARE(expected.first(), QStringLiteral("0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        for (qsizetype i = 0; i < all.size(); ++i) {
            const SignCase &c = all.at(i);
            const QByteArray ours = WebhookSignature::sign(token, c.url, c.parameters);
            QVERIFY2(QString::fromLatin1(ours) == expected.at(i), c.name);
            QVERIFY(WebhookSignature::verify(token, ours, c.url, c.parameters));
        }
    }

    void anythingElseIsRefused()
    {
        const SignCase c = cases().first();
        const QByteArray good = WebhookSignature::sign("12345", c.url, c.parameters);
        QVERIFY(!WebhookSignature::verify("12346", good, c.url, c.parameters)); // other token
        QVERIFY(!WebhookSignature::verify("12345", good, c.url + u'x', c.parameters));
        WebhookSignature::Parameters changed = c.parameters;
        changed[4].second = QStringLiteral("+18005551213");
        QVERIFY(!WebhookSignature::verify("12345", good, c.url, changed));
        QVERIFY(!WebhookSignature::verify("12345", QByteArray(), c.url, c.parameters));
        QVERIFY(!WebhookSignature::verify("12345", good.left(10), c.url, c.parameters));
    }
};

QTEST_GUILESS_MAIN(TestWebhookSignature)
#include "tst_webhooksignature.moc"
