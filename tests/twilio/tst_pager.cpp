// Pager: both list formats, and the guards against endless or malformed paging.
#include "pager.h"

#include <QJsonDocument>
#include <QTest>

using Product = TwilioHosts::Product;

namespace {
const char page1[] =
    R"({"domains":[{"sid":"a"},{"sid":"b"}],"next_page_uri":"/2010-04-01/Accounts/AC1/SIP/Domains.json?Page=1&PageToken=PA1"})";
const char page2[] = R"({"domains":[{"sid":"c"}],"next_page_uri":null})";
const char page3[] =
    R"({"trunks":[{"sid":"a"}],"meta":{"key":"trunks","next_page_url":"https://trunking.twilio.com/v1/Trunks?Page=1&PageToken=PT1"}})";
const char page4[] = R"({"trunks":[{"sid":"b"}],"meta":{"key":"trunks","next_page_url":null}})";
const char page5[] =
    R"({"trunks":[{"sid":"a"}],"meta":{"next_page_url":"https://trunking.twilio.com/v1/Trunks?Page=1"}})";
const char page6[] = R"({"calls":"nope"})";
const char page7[] = R"({"other":[]})";
const char page8[] = R"({"calls":[1,2]})";
const char page9[] = R"({"calls":[{}],"next_page_uri":42})";
const char page10[] = R"({"calls":[],"next_page_uri":"/x?Page=1"})";
const char page11[] = R"({"calls":[{"sid":"CA1"},{"sid":5}],"next_page_uri":null})";
const char page12[] = R"({"calls":[{"sid":"CA1"},{"to":"+1"}],"next_page_uri":null})";

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}
} // namespace

class TestPager : public QObject
{
    Q_OBJECT
private slots:
    void v2010Pages();
    void v1Pages();
    void repeatedLinkIsBadResponse();
    void tooManyPagesIsBadResponse();
    void malformedPages();
};

void TestPager::v2010Pages()
{
    const TwilioHosts hosts(TwilioEndpoint{{}, {}, QUrl(QStringLiteral("http://127.0.0.1:9"))});
    Pager pager(Product::Api, QStringLiteral("domains"), 10);
    QVERIFY(!pager.addPage(json(page1), hosts).isError());
    QVERIFY(pager.hasNext());
    QCOMPARE(
        pager.nextUrl().toString(),
        QStringLiteral(
            "http://127.0.0.1:9/2010-04-01/Accounts/AC1/SIP/Domains.json?Page=1&PageToken=PA1"));
    QVERIFY(!pager.addPage(json(page2), hosts).isError());
    QVERIFY(!pager.hasNext());
    QCOMPARE(pager.items().size(), 3);
}

void TestPager::v1Pages()
{
    const TwilioHosts hosts;
    Pager pager(Product::Trunking, QStringLiteral("trunks"), 10);
    QVERIFY(!pager.addPage(json(page3), hosts).isError());
    QCOMPARE(pager.nextUrl().toString(),
             QStringLiteral("https://trunking.twilio.com/v1/Trunks?Page=1&PageToken=PT1"));
    QVERIFY(!pager.addPage(json(page4), hosts).isError());
    QVERIFY(!pager.hasNext());
    QCOMPARE(pager.items().size(), 2);
}

void TestPager::repeatedLinkIsBadResponse()
{
    const TwilioHosts hosts;
    Pager pager(Product::Trunking, QStringLiteral("trunks"), 100);
    const QJsonObject page = json(page5);
    QVERIFY(!pager.addPage(page, hosts).isError());
    const TwilioError error = pager.addPage(page, hosts);
    QCOMPARE(error.kind, TwilioError::Kind::BadResponse);
}

void TestPager::tooManyPagesIsBadResponse()
{
    const TwilioHosts hosts;
    Pager pager(Product::Api, QStringLiteral("calls"), 3);
    TwilioError error;
    int page = 0;
    while (!error.isError() && page < 10) {
        const QString text =
            QStringLiteral(
                R"({"calls":[{"sid":"x"}],"next_page_uri":"/2010-04-01/Calls.json?Page=%1"})")
                .arg(++page);
        error = pager.addPage(QJsonDocument::fromJson(text.toUtf8()).object(), hosts);
    }
    QCOMPARE(error.kind, TwilioError::Kind::BadResponse);
    QCOMPARE(page, 3);
}

void TestPager::malformedPages()
{
    const TwilioHosts hosts;
    QCOMPARE(Pager(Product::Api, QStringLiteral("calls"), 5).addPage(json(page6), hosts).kind,
             TwilioError::Kind::BadResponse);
    QCOMPARE(Pager(Product::Api, QStringLiteral("calls"), 5).addPage(json(page7), hosts).kind,
             TwilioError::Kind::BadResponse);
    QCOMPARE(Pager(Product::Api, QStringLiteral("calls"), 5).addPage(json(page8), hosts).kind,
             TwilioError::Kind::BadResponse);
    QCOMPARE(Pager(Product::Api, QStringLiteral("calls"), 5).addPage(json(page9), hosts).kind,
             TwilioError::Kind::BadResponse);
    // An empty page that still announces a next one would loop for ever.
    QCOMPARE(Pager(Product::Api, QStringLiteral("calls"), 5).addPage(json(page10), hosts).kind,
             TwilioError::Kind::BadResponse);
    // Entries of the wrong shape are an error, never silently dropped (an empty table).
    for (const char *page : {page11, page12}) {
        const TwilioError e =
            Pager(Product::Api, QStringLiteral("calls"), 5).addPage(json(page), hosts);
        QCOMPARE(e.kind, TwilioError::Kind::BadResponse);
        QVERIFY2(e.message.contains(QLatin1String("entry 2")), qPrintable(e.message));
    }
}

QTEST_GUILESS_MAIN(TestPager)
#include "tst_pager.moc"
