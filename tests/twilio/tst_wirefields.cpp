// The field tables the resources are read and written with (wirefields.h): what a hostile or
// partial answer reads as, and what an update sends (unset: not sent; set empty: sent empty).
#include "wirefields.h"

#include <QJsonDocument>
#include <QTest>

namespace {
struct Sample
{
    QString name;
    std::optional<QString> url;
    bool secure = false;
    std::optional<bool> enabled;
    int count = 0;
};

const WireField<Sample> kJson[] = {
    {"name", &Sample::name},       {"url", &Sample::url},     {"secure", &Sample::secure},
    {"enabled", &Sample::enabled}, {"count", &Sample::count},
};
const WireField<Sample> kForm[] = {
    {"Name", &Sample::name},       {"Url", &Sample::url},     {"Secure", &Sample::secure},
    {"Enabled", &Sample::enabled}, {"Count", &Sample::count},
};

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}
} // namespace

class TestWireFields : public QObject
{
    Q_OBJECT
private slots:
    void readsEveryDeclaredField()
    {
        const Sample s = readFields(
            json("{\"name\":\"a\",\"url\":\"https://x\",\"secure\":true,\"enabled\":false,"
                 "\"count\":\"7\"}"),
            kJson);
        QCOMPARE(s.name, QStringLiteral("a"));
        QCOMPARE(s.url, std::optional<QString>(QStringLiteral("https://x")));
        QCOMPARE(s.secure, true);
        QCOMPARE(s.enabled, std::optional<bool>(false));
        QCOMPARE(s.count, 7); // Twilio sends some numbers as strings
    }

    void wrongTypesReadAsAbsent()
    {
        const Sample s =
            readFields(json("{\"name\":5,\"url\":null,\"secure\":\"yes\",\"enabled\":\"no\","
                            "\"count\":{}}"),
                       kJson);
        QCOMPARE(s.name, QString());
        QVERIFY(!s.url); // null stays apart from ""
        QCOMPARE(s.secure, false);
        QVERIFY(!s.enabled);
        QCOMPARE(s.count, 0);
    }

    void formSendsWhatIsSet()
    {
        Sample s;
        s.url = QString(); // set empty: clears the field
        s.enabled = true;
        QCOMPARE(formFields(s, kForm),
                 (FormFields{{QStringLiteral("Url"), QString()},
                             {QStringLiteral("Secure"), QStringLiteral("false")},
                             {QStringLiteral("Enabled"), QStringLiteral("true")},
                             {QStringLiteral("Count"), QStringLiteral("0")}}));
        s.name = QStringLiteral("n");
        QCOMPARE(formFields(s, kForm).first(),
                 (QPair<QString, QString>{QStringLiteral("Name"), QStringLiteral("n")}));
    }
};

QTEST_GUILESS_MAIN(TestWireFields)
#include "tst_wirefields.moc"
