// UrlCredentials::redact: credentials inside URLs never reach what is shown or exported.
#include "urlcredentials.h"

#include <QTest>

class TestUrlCredentials : public QObject
{
    Q_OBJECT
private slots:
    void redacts_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << "https://pbx.example.com/in"
                               << "https://pbx.example.com/in";
        QTest::newRow("user info") << "https://ops:hunter2@pbx.example.com/in"
                                   << "https://ops:[redacted]@pbx.example.com/in";
        QTest::newRow("user only") << "https://ops@pbx.example.com/"
                                   << "https://ops@pbx.example.com/";
        QTest::newRow("secret query")
            << "https://x.example/a?api_key=1&token=2&Signature=3&lang=de&page=4#frag"
            << "https://x.example/"
               "a?api_key=[redacted]&token=[redacted]&Signature=[redacted]&lang=de&"
               "page=4#frag";
        QTest::newRow("inside text")
            << "voice_url=http://u:p@h.example/x?password=s; voice_method=GET, other text"
            << "voice_url=http://u:[redacted]@h.example/x?password=[redacted]; voice_method=GET, "
               "other text";
        QTest::newRow("two urls")
            << "a https://a:b@x.example b https://y.example/?auth=z"
            << "a https://a:[redacted]@x.example b https://y.example/?auth=[redacted]";
        QTest::newRow("at in path is not user info") << "https://x.example/users/a:b@c"
                                                     << "https://x.example/users/a:b@c";
        QTest::newRow("no url") << "trunk_sid=TK123"
                                << "trunk_sid=TK123";
    }
    void redacts()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(UrlCredentials::redact(in), out);
    }
};

QTEST_GUILESS_MAIN(TestUrlCredentials)
#include "tst_urlcredentials.moc"
