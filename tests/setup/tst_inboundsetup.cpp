// Step 1 against the in-process sandbox: the SIP domain, its handler and its mappings.
#include "../common/drainevents.h"
#include "auditlog.h"
#include "inboundsetup.h"
#include "serverlessapi.h"
#include "setupfixture.h"
#include "sipdomainapi.h"

#include <QFile>

class TestInboundSetup : public QObject
{
    Q_OBJECT

    std::unique_ptr<SetupFixture> f;
    TrunkSummary trunk;

    struct Run
    {
        std::unique_ptr<InboundSetup> setup;
        std::unique_ptr<QSignalSpy> finished, failed;
        InboundResult result() const { return finished->first().first().value<InboundResult>(); }
        QString error() const { return failureMessage(*failed); }
    };
    Run run(const InboundOptions &options, const QUrl &selfHosted = {})
    {
        Run r;
        r.setup =
            std::make_unique<InboundSetup>(f->client(), f->journal(), f->audit(), f->accountSid());
        r.setup->setBuildTiming(20, 5000);
        r.setup->setSelfHostedHandlerUrl(selfHosted);
        r.setup->setExportDirectory(f->tempPath(QStringLiteral("export")));
        r.finished = std::make_unique<QSignalSpy>(r.setup.get(), &InboundSetup::finished);
        r.failed = std::make_unique<QSignalSpy>(r.setup.get(), &InboundSetup::failed);
        r.setup->start(options, trunk);
        waitForOutcome(*r.finished, *r.failed);
        return r;
    }
    InboundOptions options(const QString &prefix = QStringLiteral("acme-pbx")) const
    {
        InboundOptions o;
        o.trunkSid = trunk.sid;
        o.domainPrefix = prefix;
        // The fixture's trunk has no disaster-recovery URL: a failing handler has no fallback.
        o.calls.accepted = {QStringLiteral("fallback")};
        return o;
    }
    QList<SipDomain> domains()
    {
        return f
            ->await<QList<SipDomain>>([&](QObject *c, auto done) {
                return f->client()->sipDomains().listSipDomains(c, done);
            })
            .value;
    }
    QStringList mapped(const QString &domainSid, bool acl)
    {
        const auto lists = f->await<QList<SipAuthList>>([&](QObject *c, auto done) {
            return acl ? f->client()->sipDomains().listIpAccessControlListMappings(domainSid, c,
                                                                                   done)
                       : f->client()->sipDomains().listCredentialListMappings(domainSid, c, done);
        });
        QStringList sids;
        for (const SipAuthList &list : lists.value)
            sids.append(list.sid);
        return sids;
    }
    int serviceCount()
    {
        return f
            ->await<QList<ServerlessService>>([&](QObject *c, auto done) {
                return f->client()->serverless().listServices(c, done);
            })
            .value.size();
    }

private slots:
    void init()
    {
        f = std::make_unique<SetupFixture>();
        QCOMPARE(f->start(), QString());
        trunk = f->trunkSummary();
        QCOMPARE(trunk.ipAccessControlLists.size(), 1);
        QCOMPARE(trunk.credentialLists.size(), 1);
    }
    void cleanup() { f.reset(); }

    void createsTheDomainWithHandlerAndMappings()
    {
        InboundOptions o = options();
        o.secureMedia = true;
        const Run r = run(o);
        QVERIFY2(r.finished->count() == 1, qPrintable(r.error()));
        const InboundResult result = r.result();
        QCOMPARE(result.domainName, QStringLiteral("acme-pbx.sip.twilio.com"));
        QCOMPARE(result.sipUris.size(), 9);
        QVERIFY(result.sipUris.contains(QStringLiteral("sip:acme-pbx.sip.sydney.twilio.com")));
        QCOMPARE(result.handlerUrl.scheme(), QStringLiteral("https"));
        QCOMPARE(result.handlerUrl.path(), QStringLiteral("/inboundHandler"));
        QVERIFY(!result.selfHosted);
        QCOMPARE(result.ipAccessControlLists.first().sid, trunk.ipAccessControlLists.first().sid);
        QCOMPARE(result.credentialLists.first().sid, trunk.credentialLists.first().sid);

        const QList<SipDomain> all = domains();
        QCOMPARE(all.size(), 1);
        const SipDomain &domain = all.first();
        QCOMPARE(domain.sid, result.domainSid);
        QCOMPARE(domain.voiceUrl.value_or(QString()), result.handlerUrl.toString());
        QCOMPARE(domain.voiceMethod.value_or(QString()), QStringLiteral("POST"));
        QVERIFY(domain.secure);
        QVERIFY(domain.friendlyName.contains(trunk.friendlyName));
        QCOMPARE(mapped(domain.sid, true), QStringList{trunk.ipAccessControlLists.first().sid});
        QCOMPARE(mapped(domain.sid, false), QStringList{trunk.credentialLists.first().sid});
        QCOMPARE(f->journal()
                     ->setupValue(f->accountSid(), QStringLiteral("inbound.domain_sid"))
                     .value_or(QString()),
                 domain.sid);
        QVERIFY(f->journal()->openIntents().isEmpty());
        // Set-up records through step 4's recorder: each change's row, written as "pending"
        // with its intent, is complete now, with the answer's status and request id.
        const QList<AuditRecord> records = f->audit()->records(f->accountSid());
        QVERIFY(!records.isEmpty());
        for (const AuditRecord &record : records) {
            QCOMPARE(record.outcome, QStringLiteral("success"));
            QVERIFY2(record.httpStatus >= 200 && record.httpStatus < 300,
                     qPrintable(record.action));
            QVERIFY2(record.requestId.startsWith(QLatin1String("RQ")), qPrintable(record.action));
        }
    }

    void lostSettingsAreAcknowledgedFirst()
    {
        // The domain carries the choices to every PBX call after the cut-over: the fixture's
        // trunk has no disaster-recovery URL, so "no fallback" is acknowledged before anything.
        InboundOptions o = options();
        o.calls.accepted.clear();
        const Run r = run(o);
        QCOMPARE(r.failed->count(), 1);
        QVERIFY2(r.error().contains(QLatin1String("(fallback)")), qPrintable(r.error()));
        QVERIFY(domains().isEmpty());
        QCOMPARE(f->auditCount(), 0);
    }

    void rerunCreatesNothing()
    {
        const Run first = run(options());
        QVERIFY2(first.finished->count() == 1, qPrintable(first.error()));
        const int audits = f->auditCount();
        const Run second = run(options());
        QVERIFY2(second.finished->count() == 1, qPrintable(second.error()));
        QCOMPARE(second.result().domainSid, first.result().domainSid);
        QCOMPARE(second.result().handlerUrl, first.result().handlerUrl);
        QCOMPARE(domains().size(), 1);
        QCOMPARE(serviceCount(), 1);
        QCOMPARE(mapped(first.result().domainSid, true).size(), 1);
        QCOMPARE(mapped(first.result().domainSid, false).size(), 1);
        QCOMPARE(f->auditCount(), audits);
    }

    void changedOptionsUpdateTheSameDomain()
    {
        QCOMPARE(run(options()).finished->count(), 1);
        InboundOptions o = options();
        o.secureMedia = true;
        o.friendlyName = QStringLiteral("Acme PBX (secure)");
        const Run second = run(o);
        QVERIFY2(second.finished->count() == 1, qPrintable(second.error()));
        const QList<SipDomain> all = domains();
        QCOMPARE(all.size(), 1);
        QVERIFY(all.first().secure);
        QCOMPARE(all.first().friendlyName, QStringLiteral("Acme PBX (secure)"));
    }

    void nameUsedBySomethingElseIsRefusedWithoutChanges()
    {
        SipDomainParams params;
        params.domainName = QStringLiteral("acme-pbx.sip.twilio.com");
        params.voiceUrl = QStringLiteral("https://other.example.com/voice");
        const auto seeded = f->await<SipDomain>([&](QObject *c, auto done) {
            return f->client()->sipDomains().createSipDomain(params, c, done);
        });
        QVERIFY(seeded.ok());
        const Run r = run(options(QStringLiteral("ACME-PBX")));
        QCOMPARE(r.failed->count(), 1);
        QVERIFY2(r.error().contains(QLatin1String("already exists")), qPrintable(r.error()));
        QVERIFY(r.error().contains(QLatin1String("other.example.com")));
        QCOMPARE(serviceCount(), 0);
        const QList<SipDomain> all = domains();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().voiceUrl.value_or(QString()),
                 QStringLiteral("https://other.example.com/voice"));
        QVERIFY(mapped(seeded.value.sid, true).isEmpty());
        QCOMPARE(f->auditCount(), 0);
    }

    void badInputIsRefusedWithoutChanges_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("selfHosted");
        QTest::addColumn<QString>("service");
        QTest::newRow("leading dash") << "-acme"
                                      << ""
                                      << "trunk-migrator";
        QTest::newRow("space") << "acme pbx"
                               << ""
                               << "trunk-migrator";
        QTest::newRow("dot") << "acme.pbx"
                             << ""
                             << "trunk-migrator";
        QTest::newRow("empty") << ""
                               << ""
                               << "trunk-migrator";
        QTest::newRow("plain http handler") << "acme"
                                            << "http://pbx.example.net/in"
                                            << "trunk-migrator";
        QTest::newRow("service name") << "acme"
                                      << ""
                                      << "bad/name";
    }
    void badInputIsRefusedWithoutChanges()
    {
        QFETCH(QString, prefix);
        QFETCH(QString, selfHosted);
        QFETCH(QString, service);
        InboundOptions o = options(prefix);
        o.serviceUniqueName = service;
        const Run r = run(o, QUrl(selfHosted));
        QCOMPARE(r.failed->count(), 1);
        QVERIFY(!r.error().isEmpty());
        QVERIFY(domains().isEmpty());
        QCOMPARE(serviceCount(), 0);
        QCOMPARE(f->auditCount(), 0);
    }

    void trunkOfOtherOptionsIsRefused()
    {
        InboundOptions o = options();
        o.trunkSid = QStringLiteral("TK0123456789abcdef0123456789abcdef");
        const Run r = run(o);
        QCOMPARE(r.failed->count(), 1);
        QVERIFY(domains().isEmpty());
    }

    void cancelReportsOnceAndLeavesNoOpenIntent()
    {
        InboundSetup setup(f->client(), f->journal(), f->audit(), f->accountSid());
        setup.setBuildTiming(20, 5000);
        QSignalSpy finished(&setup, &InboundSetup::finished);
        QSignalSpy failed(&setup, &InboundSetup::failed);
        QSignalSpy progress(&setup, &InboundSetup::progress);
        setup.start(options(), trunk);
        // Cancelled while the handler is being deployed.
        QVERIFY(QTest::qWaitFor([&] { return progress.count() >= 3; }, 10000));
        setup.cancel();
        QCOMPARE(failed.count(), 1);
        QVERIFY(failureMessage(failed).contains(QLatin1String("cancelled")));
        // Whatever was in flight has answered (and been dropped): nothing else may follow.
        QTRY_COMPARE(f->client()->counters().operations, 0);
        drainPostedEvents();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(finished.count(), 0);
        QVERIFY(domains().isEmpty());
        QVERIFY(f->journal()->openIntents().isEmpty());
    }

    void selfHostedHandlerSkipsFunctions()
    {
        const QUrl url(QStringLiteral("https://pbx.example.net/twilio/inbound"));
        const Run r = run(options(), url);
        QVERIFY2(r.finished->count() == 1, qPrintable(r.error()));
        QVERIFY(r.result().selfHosted);
        QCOMPARE(r.result().handlerUrl, url);
        QVERIFY(!r.result().note.isEmpty());
        QCOMPARE(serviceCount(), 0);
        QCOMPARE(domains().first().voiceUrl.value_or(QString()), url.toString());
        // The same URL on a re-run recognises the domain as ours.
        const Run again = run(options(), url);
        QCOMPARE(again.finished->count(), 1);
        QCOMPARE(domains().size(), 1);
    }

    void withoutFunctionsTheHandlersAreExportedAndTheDomainStillMade()
    {
        f->server().setServerlessAvailable(false);
        const Run r = run(options());
        QVERIFY2(r.finished->count() == 1, qPrintable(r.error()));
        const InboundResult result = r.result();
        QVERIFY(result.selfHosted);
        QVERIFY(result.handlerUrl.isEmpty());
        QCOMPARE(result.exportedTo, f->tempPath(QStringLiteral("export")));
        for (const char *file : {"inboundHandler.js", "outboundHandler.js", "README.md"})
            QVERIFY(QFile::exists(result.exportedTo + u'/' + QLatin1String(file)));
        QVERIFY2(result.note.contains(QLatin1String("not available")), qPrintable(result.note));
        QVERIFY(result.note.contains(QLatin1String("no voice URL")));
        // What does not need Functions is done: the domain and its mappings.
        const QList<SipDomain> all = domains();
        QCOMPARE(all.size(), 1);
        QVERIFY(all.first().voiceUrl.value_or(QString()).isEmpty());
        QCOMPARE(mapped(all.first().sid, true).size(), 1);
        QCOMPARE(mapped(all.first().sid, false).size(), 1);

        // Once the handler has an address, the same domain gets it.
        const QUrl url(QStringLiteral("https://pbx.example.net/inboundHandler"));
        const Run hosted = run(options(), url);
        QVERIFY2(hosted.finished->count() == 1, qPrintable(hosted.error()));
        QCOMPARE(domains().size(), 1);
        QCOMPARE(domains().first().voiceUrl.value_or(QString()), url.toString());
    }
};

QTEST_GUILESS_MAIN(TestInboundSetup)
#include "tst_inboundsetup.moc"
